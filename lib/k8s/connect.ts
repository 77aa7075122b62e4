import { readFile } from "node:fs/promises";
import type { RequestOptions } from "node:https";
import { isIP } from "node:net";
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { LineCounter, parseDocument } from "yaml";

import { env } from "@/lib/env.js";

import { refuseAddress, type AddressPolicy } from "./address-policy";
import { KubeconfigError } from "./errors";
import { assertInlineCredentials } from "./inline-credentials";

/** Where a cluster's credentials come from. */
export type ClusterSource =
  | { type: "kubeconfig-file"; path?: string; context?: string }
  /** Kubeconfig text (an upload, decrypted): `origin` names it in messages. Credentials inline only, never file paths. */
  | { type: "kubeconfig-text"; text: string; context?: string; origin: string }
  /** The pod's service account; `root` prefixes the token and CA paths (tests). */
  | { type: "in-cluster"; root?: string };

export type ConnectPolicy = AddressPolicy & { allowExec: boolean };

/** A cluster endpoint with the TLS and auth options to reach it. Holds credentials: never log it. */
export type Connection = {
  server: URL;
  contextName: string;
  options: RequestOptions;
  warnings: string[];
  policy: ConnectPolicy;
};

export { KubeconfigError };

export const defaultPolicy = (): ConnectPolicy => ({
  allowExec: env.BULWARK_ALLOW_KUBECONFIG_EXEC,
  allowLoopback: env.BULWARK_ALLOW_LOOPBACK_CLUSTERS,
});
/** An uploaded kubeconfig never runs commands: BULWARK_ALLOW_KUBECONFIG_EXEC is for the operator's own kubeconfig. */
export const uploadPolicy = (): ConnectPolicy => ({ ...defaultPolicy(), allowExec: false });

function defaultKubeconfigPath(): string {
  const fromEnv = env.KUBECONFIG?.split(path.delimiter).find(Boolean);
  if (fromEnv) return fromEnv;
  if (!env.HOME) throw new KubeconfigError("No kubeconfig: set KUBECONFIG or pass --kubeconfig FILE.");
  return path.join(env.HOME, ".kube", "config");
}

async function readKubeconfig(source: ClusterSource): Promise<{ text: string; origin: string; baseDir?: string }> {
  if (source.type === "kubeconfig-text") return { text: source.text, origin: source.origin };
  const file = source.type === "kubeconfig-file" ? (source.path ?? defaultKubeconfigPath()) : "";
  try {
    return { text: await readFile(file, "utf8"), origin: file, baseDir: path.dirname(path.resolve(file)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KubeconfigError(
      code === "ENOENT" ? `kubeconfig not found: ${file}` : `cannot read kubeconfig ${file}: ${code ?? String(error)}`,
    );
  }
}

/**
 * Parses a kubeconfig once, with merge keys as the Kubernetes client reads them, and loads the
 * client from that very value (as JSON), so what was checked is what is used. `inlineOnly`
 * (uploads) refuses every credential given as a file path before the client could read it.
 */
function loadKubeconfig(text: string, origin: string, baseDir: string | undefined, inlineOnly: boolean): KubeConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter, merge: true });
  const syntax = doc.errors[0];
  if (syntax)
    throw new KubeconfigError(
      `${origin}: line ${lineCounter.linePos(syntax.pos[0]).line}: ${syntax.message.split("\n")[0]}`,
    );
  const value = doc.toJS({ maxAliasCount: 50 }) as unknown;
  if (typeof value !== "object" || value === null || !Array.isArray((value as { clusters?: unknown }).clusters)) {
    throw new KubeconfigError(`${origin}: not a kubeconfig (no clusters list)`);
  }
  if (inlineOnly) assertInlineCredentials(value as Record<string, unknown>, origin);
  const kc = new KubeConfig();
  try {
    kc.loadFromString(JSON.stringify(value));
  } catch (error) {
    throw new KubeconfigError(
      `${origin}: invalid kubeconfig: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (baseDir) kc.makePathsAbsolute(baseDir);
  return kc;
}

function selectContext(kc: KubeConfig, wanted: string | undefined, origin: string) {
  const name = wanted ?? kc.getCurrentContext();
  if (!name) throw new KubeconfigError(`${origin}: no current context; pass a context name`);
  const context = kc.getContextObject(name);
  if (!context) {
    const names = kc.getContexts().map((c) => c.name);
    throw new KubeconfigError(
      `${origin}: context "${name}" not found${names.length ? ` (available: ${names.join(", ")})` : ""}`,
    );
  }
  kc.setCurrentContext(name);
  const cluster = kc.getCluster(context.cluster);
  const user = kc.getUser(context.user);
  if (!cluster)
    throw new KubeconfigError(`${origin}: context "${name}" names cluster "${context.cluster}", which is not defined`);
  return { name, cluster, user };
}

/**
 * Turns a cluster source into a connection, refusing what Bulwark must not do: run
 * exec/auth-provider commands (unless the operator allows it), talk plain HTTP, or reach
 * link-local (cloud metadata) or, unless allowed, loopback addresses.
 */
export async function connect(source: ClusterSource, policy: ConnectPolicy = defaultPolicy()): Promise<Connection> {
  let kc = new KubeConfig();
  let contextName = "in-cluster";
  let origin = "in-cluster service account";
  if (source.type === "in-cluster") {
    kc.loadFromCluster(source.root ?? env.BULWARK_IN_CLUSTER_ROOT);
    if (!kc.getCurrentCluster()?.server || /undefined/.test(kc.getCurrentCluster()?.server ?? "")) {
      throw new KubeconfigError(
        "not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set",
      );
    }
  } else {
    const read = await readKubeconfig(source);
    origin = read.origin;
    kc = loadKubeconfig(read.text, origin, read.baseDir, source.type === "kubeconfig-text");
    const selected = selectContext(kc, source.context, origin);
    contextName = selected.name;
    if ((selected.user?.exec || selected.user?.authProvider) && !policy.allowExec) {
      const how = selected.user.exec
        ? `exec command "${String((selected.user.exec as { command?: string }).command ?? "?")}"`
        : "auth-provider plugin";
      throw new KubeconfigError(
        `${origin}: user "${selected.user.name}" gets credentials by running an ${how}; Bulwark does not run kubeconfig commands unless BULWARK_ALLOW_KUBECONFIG_EXEC=true. Use a service-account token instead.`,
      );
    }
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new KubeconfigError(`${origin}: no cluster selected`);
  let server: URL;
  try {
    server = new URL(cluster.server);
  } catch {
    throw new KubeconfigError(`${origin}: cluster "${cluster.name}" has an invalid server URL`);
  }
  if (server.protocol !== "https:")
    throw new KubeconfigError(
      `${origin}: cluster "${cluster.name}" uses ${server.protocol.replace(":", "")}; only https API servers are supported`,
    );
  const host = server.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    const refusal = refuseAddress(host, policy);
    if (refusal) throw new KubeconfigError(`${origin}: cluster "${cluster.name}": ${refusal}`);
  }
  const warnings = cluster.skipTLSVerify
    ? ["insecure-skip-tls-verify is set: the API server's identity is not verified"]
    : [];
  const options: RequestOptions = {};
  await kc.applyToHTTPSOptions(options);
  return { server, contextName, options, warnings, policy };
}

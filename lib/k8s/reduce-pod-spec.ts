import { createHash } from "node:crypto";

import { parseControlPlaneFlags } from "@/lib/inventory/control-plane-flags";
import type { Container, EnvVar, PodSpec, Probe, Volume } from "@/lib/inventory/pod-spec";
import { detectCredential } from "@/lib/secrets-detect/detect-credential";

type RawProbe = Omit<Probe, "exec"> & { exec?: { command?: string[] } };
type RawContainer = Omit<Container, "env" | "livenessProbe" | "readinessProbe" | "startupProbe" | "lifecycle"> & {
  env?: (EnvVar & { value?: string })[];
  livenessProbe?: RawProbe;
  readinessProbe?: RawProbe;
  startupProbe?: RawProbe;
  lifecycle?: { postStart?: RawProbe; preStop?: RawProbe };
  command?: unknown;
  args?: unknown;
};

const digest = (command: string[]) => createHash("sha256").update(JSON.stringify(command)).digest("hex").slice(0, 16);

/** An HTTP handler's path without its query string, which sometimes carries a token: only a fingerprint of the query is kept. */
function reduceHttpGet({ host, port, path }: NonNullable<Probe["httpGet"]>): NonNullable<Probe["httpGet"]> {
  const at = path?.indexOf("?") ?? -1;
  if (at < 0) return { host, port, path };
  return { host, port, path: path!.slice(0, at), queryDigest: digest([path!.slice(at + 1)]) };
}

/** A probe or lifecycle handler: where it connects (host, port, path) and fingerprints of its query and of an exec command. */
function reduceProbe(p: RawProbe | undefined): Probe | undefined {
  if (!p) return undefined;
  const out: Probe = {};
  if (p.httpGet) out.httpGet = reduceHttpGet(p.httpGet);
  if (p.tcpSocket) out.tcpSocket = { host: p.tcpSocket.host, port: p.tcpSocket.port };
  if (p.exec) out.exec = p.exec.command ? { commandDigest: digest(p.exec.command) } : {};
  if (p.grpc) out.grpc = { port: p.grpc.port, service: p.grpc.service };
  return out;
}

function reduceEnv(env: RawContainer["env"]): EnvVar[] | undefined {
  return env?.map(({ name, value, valueFrom }) => {
    const credential = value ? detectCredential(name, value) : undefined;
    return { name, ...(credential ? { credential } : {}), ...(valueFrom ? { valueFrom } : {}) };
  });
}

function reduceContainer(c: RawContainer): Container {
  const out: Container = { name: c.name };
  if (c.image !== undefined) out.image = c.image;
  if (c.imagePullPolicy !== undefined) out.imagePullPolicy = c.imagePullPolicy;
  if (c.securityContext) out.securityContext = c.securityContext;
  if (c.ports)
    out.ports = c.ports.map(({ containerPort, hostPort, protocol, name }) => ({
      containerPort,
      hostPort,
      protocol,
      name,
    }));
  if (c.resources) out.resources = { limits: c.resources.limits, requests: c.resources.requests };
  const liveness = reduceProbe(c.livenessProbe);
  const readiness = reduceProbe(c.readinessProbe);
  const startup = reduceProbe(c.startupProbe);
  if (liveness) out.livenessProbe = liveness;
  if (readiness) out.readinessProbe = readiness;
  if (startup) out.startupProbe = startup;
  if (c.lifecycle)
    out.lifecycle = { postStart: reduceProbe(c.lifecycle.postStart), preStop: reduceProbe(c.lifecycle.preStop) };
  const env = reduceEnv(c.env);
  if (env) out.env = env;
  if (c.envFrom) out.envFrom = c.envFrom;
  if (c.restartPolicy) out.restartPolicy = c.restartPolicy;
  const controlPlane = parseControlPlaneFlags(c);
  if (controlPlane) out.controlPlane = controlPlane;
  return out;
}

/** Keeps a volume's name and which source it uses (the hostPath path, projected source kinds). */
function reduceVolume(v: Volume): Volume {
  const out: Volume = { name: v.name };
  for (const [key, value] of Object.entries(v)) {
    if (key === "name") continue;
    if (key === "hostPath") out.hostPath = { path: (value as { path?: string }).path };
    else if (key === "projected")
      out.projected = {
        sources: ((value as { sources?: object[] }).sources ?? []).map((s) =>
          Object.fromEntries(Object.keys(s).map((k) => [k, {}])),
        ),
      };
    else out[key] = {};
  }
  return out;
}

/**
 * Reduces a pod spec to the fields the checks read, so memory follows the reduced inventory,
 * not the raw objects, and literal environment values (possible credentials) are dropped.
 */
export function reducePodSpec(spec: PodSpec & { containers?: RawContainer[] }): PodSpec {
  const out: PodSpec = {};
  if (spec.containers) out.containers = spec.containers.map(reduceContainer);
  if (spec.initContainers) out.initContainers = spec.initContainers.map((c) => reduceContainer(c as RawContainer));
  if (spec.ephemeralContainers)
    out.ephemeralContainers = spec.ephemeralContainers.map((c) => reduceContainer(c as RawContainer));
  if (spec.volumes) out.volumes = spec.volumes.map(reduceVolume);
  for (const key of [
    "securityContext",
    "hostNetwork",
    "hostPID",
    "hostIPC",
    "hostUsers",
    "os",
    "serviceAccountName",
    "automountServiceAccountToken",
    "runtimeClassName",
    "nodeName",
  ] as const) {
    if (spec[key] !== undefined) (out as Record<string, unknown>)[key] = spec[key];
  }
  return out;
}

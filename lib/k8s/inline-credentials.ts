import { KubeconfigError } from "./errors";

/** Kubeconfig fields that name a file the Kubernetes client would read on Bulwark's own host. */
const CLUSTER_FILE_FIELDS = ["certificate-authority"] as const;
const USER_FILE_FIELDS = ["client-certificate", "client-key", "token-file"] as const;
/** auth-provider settings that are file paths (the client reads `tokenFile`, and the OIDC provider's CA). */
const AUTH_PROVIDER_FILE_FIELDS = ["tokenFile", "idp-certificate-authority"] as const;

type Entry = { name?: unknown; cluster?: Record<string, unknown>; user?: Record<string, unknown> };

const entries = (value: unknown): Entry[] =>
  Array.isArray(value) ? value.filter((e): e is Entry => typeof e === "object" && e !== null) : [];
const isSet = (v: unknown) => v !== undefined && v !== null && v !== "";

/** Kubeconfig user fields that make the Kubernetes client run a command (or a plugin) on Bulwark's host. */
const USER_COMMAND_FIELDS = ["exec", "auth-provider"] as const;

/**
 * Refuses a kubeconfig document (already parsed) that names a file for any credential, or gets
 * one by running a command: an uploaded kubeconfig must carry them inline (`token`, `*-data`),
 * so that nothing a user sends makes Bulwark read a file of its own host (its secrets, a
 * service-account token) and send it to a server the uploader controls, or run a command where
 * the worker's secrets are (BULWARK_ALLOW_KUBECONFIG_EXEC is for the operator's own kubeconfig
 * only). Every cluster and user is checked, not only the context used.
 */
export function assertInlineCredentials(doc: Record<string, unknown>, origin: string): void {
  const inlineHint =
    "an uploaded kubeconfig must carry its credentials inline (token, certificate-authority-data, client-certificate-data, client-key-data); Bulwark never reads files named in one";
  for (const c of entries(doc.clusters)) {
    const field = CLUSTER_FILE_FIELDS.find((f) => isSet(c.cluster?.[f]));
    if (field)
      throw new KubeconfigError(`${origin}: cluster "${String(c.name)}" sets "${field}" (a file path): ${inlineHint}`);
  }
  for (const u of entries(doc.users)) {
    const field = USER_FILE_FIELDS.find((f) => isSet(u.user?.[f]));
    if (field)
      throw new KubeconfigError(`${origin}: user "${String(u.name)}" sets "${field}" (a file path): ${inlineHint}`);
    const provider = u.user?.["auth-provider"] as { config?: Record<string, unknown> } | undefined;
    const providerField = AUTH_PROVIDER_FILE_FIELDS.find((f) => isSet(provider?.config?.[f]));
    if (providerField)
      throw new KubeconfigError(
        `${origin}: user "${String(u.name)}" sets auth-provider "${providerField}" (a file path): ${inlineHint}`,
      );
    const command = USER_COMMAND_FIELDS.find((f) => isSet(u.user?.[f]));
    if (command)
      throw new KubeconfigError(
        `${origin}: user "${String(u.name)}" sets "${command}" (a command Bulwark would run on its own host): ${inlineHint}, and never runs a command an uploaded kubeconfig names`,
      );
  }
}

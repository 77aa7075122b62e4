import { stringify } from "yaml";

/** A kubeconfig for a fake (or real) API server reached with a bearer token and a CA. */
export function kubeconfigFor({ name, server, caPem, token }: { name: string; server: string; caPem: string; token: string }): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster: { server, "certificate-authority-data": Buffer.from(caPem).toString("base64") } }],
    users: [{ name: `${name}-scanner`, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: `${name}-scanner` } }],
    "current-context": name,
  });
}

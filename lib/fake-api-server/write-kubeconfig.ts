import { stringify } from "yaml";

/**
 * A kubeconfig for a fake (or real) API server reached with a bearer token and a CA (none when
 * `caPem` is null); `cluster` adds settings to the cluster entry (tls-server-name, insecure-skip-tls-verify).
 */
export function kubeconfigFor({
  name,
  server,
  caPem,
  token,
  cluster = {},
}: {
  name: string;
  server: string;
  caPem: string | null;
  token: string;
  cluster?: Record<string, unknown>;
}): string {
  const ca = caPem === null ? {} : { "certificate-authority-data": Buffer.from(caPem).toString("base64") };
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster: { server, ...ca, ...cluster } }],
    users: [{ name: `${name}-scanner`, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: `${name}-scanner` } }],
    "current-context": name,
  });
}

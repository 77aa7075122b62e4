/** Control plane components whose static pods Bulwark reads flags from. */
export const CONTROL_PLANE_COMPONENTS = [
  "kube-apiserver",
  "etcd",
  "kube-controller-manager",
  "kube-scheduler",
] as const;
export type ControlPlaneComponent = (typeof CONTROL_PLANE_COMPONENTS)[number];

/** A control plane container's command line, reduced to the flags checks judge. */
export type ControlPlaneFlags = { component: ControlPlaneComponent; flags: Record<string, string> };

/** Flags kept with their value: modes, lists, booleans, numbers and addresses. */
const VALUE_FLAGS = new Set([
  "anonymous-auth",
  "authorization-mode",
  "enable-admission-plugins",
  "disable-admission-plugins",
  "profiling",
  "audit-log-maxage",
  "audit-log-maxbackup",
  "audit-log-maxsize",
  "client-cert-auth",
  "peer-client-cert-auth",
  "auto-tls",
  "peer-auto-tls",
  "bind-address",
]);
/** Flags whose value is a file: only that they are set is kept. */
const FILE_FLAGS = new Set([
  "authorization-config",
  "audit-log-path",
  "audit-policy-file",
  "audit-webhook-config-file",
  "encryption-provider-config",
  "token-auth-file",
  "authentication-config",
]);

const componentOf = (word: string | undefined): ControlPlaneComponent | undefined => {
  const base = word?.split("/").pop()?.split(":")[0]?.split("@")[0];
  return (CONTROL_PLANE_COMPONENTS as readonly string[]).includes(base ?? "")
    ? (base as ControlPlaneComponent)
    : undefined;
};

/**
 * The allow-listed flags of a control plane container, from its command and args (the image
 * names the component when the command does not). Any other argument is dropped, so nothing a
 * command line might carry besides these settings is kept.
 */
export function parseControlPlaneFlags(container: {
  image?: string;
  command?: unknown;
  args?: unknown;
}): ControlPlaneFlags | undefined {
  const command = Array.isArray(container.command) ? container.command.map(String) : [];
  const args = Array.isArray(container.args) ? container.args.map(String) : [];
  const component = componentOf(command[0]) ?? componentOf(container.image);
  if (!component) return undefined;
  const flags: Record<string, string> = {};
  const words = [...command, ...args];
  for (let i = 0; i < words.length; i++) {
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(words[i]!);
    if (!m) continue;
    const name = m[1]!;
    let value = m[2];
    if (value === undefined)
      value = words[i + 1] !== undefined && !words[i + 1]!.startsWith("--") ? words[++i]! : "true";
    if (VALUE_FLAGS.has(name)) flags[name] = value;
    else if (FILE_FLAGS.has(name)) flags[name] = value ? "(set)" : "";
  }
  return { component, flags };
}

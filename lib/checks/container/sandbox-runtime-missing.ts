import { workloadCheck } from "../evaluate-workloads";

function parseLabel(setting: string): [string, string | undefined] {
  const eq = setting.indexOf("=");
  return eq < 0 ? [setting, undefined] : [setting.slice(0, eq), setting.slice(eq + 1)];
}

/** container.sandbox-runtime-missing: a workload marked untrusted runs without a sandboxed RuntimeClass. */
export const sandboxRuntimeMissing = workloadCheck({
  id: "container.sandbox-runtime-missing",
  layer: "container",
  severity: "low",
  title: "Untrusted workloads without a sandboxed runtime",
  rationale:
    "Code you do not trust (user uploads, CI jobs, third-party plugins) shares the node's kernel in an ordinary container. A sandboxed runtime such as gVisor or Kata Containers puts a second boundary between it and the node.",
  remediation: "```yaml\nspec:\n  runtimeClassName: gvisor   # a RuntimeClass whose handler is runsc or kata\n```",
  references: ["https://kubernetes.io/docs/concepts/containers/runtime-class/"],
  requires: ["workloads", "runtimeClasses"],
  inspectWorkloads: (inventory, { settings }) => {
    const [key, value] = parseLabel(settings.untrustedLabel);
    const handlers = new Map(inventory.runtimeClasses.map((rc) => [rc.ref.name, rc.handler]));
    return {
      include: (w) => (value === undefined ? key in w.podMeta.labels : w.podMeta.labels[key] === value),
      inspect: (w, found) => {
        const rc = w.spec.runtimeClassName;
        // A RuntimeClass we could not see is judged by its name, as manifests often ship without it.
        const handler = rc === undefined ? undefined : (handlers.get(rc) ?? rc);
        if (handler !== undefined && settings.sandboxHandlers.includes(handler)) return;
        found(
          rc
            ? `is marked untrusted but its RuntimeClass \`${rc}\` is not sandboxed`
            : "is marked untrusted but sets no sandboxed runtimeClassName",
        );
      },
    };
  },
});

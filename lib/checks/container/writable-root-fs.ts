import { workloadCheck } from "../evaluate-workloads";
import { allContainers, describeContainer } from "../pss/containers";

/** container.writable-root-fs: readOnlyRootFilesystem is not true, on any container (regular, init or ephemeral). */
export const writableRootFs = workloadCheck({
  id: "container.writable-root-fs",
  layer: "container",
  severity: "medium",
  title: "Writable root filesystems",
  rationale:
    "A writable root filesystem lets an attacker who gains code execution drop tools, modify binaries and persist. A read-only root with explicit writable volumes keeps the image immutable.",
  remediation:
    "```yaml\nsecurityContext:\n  readOnlyRootFilesystem: true\nvolumeMounts:\n  - name: tmp\n    mountPath: /tmp   # an emptyDir for the paths the app must write\n```",
  references: ["NSA/CISA Kubernetes Hardening Guide: immutable containers", "CIS 5.6.3"],
  requires: ["workloads"],
  inspectWorkloads: () => ({
    inspect: (w, found) => {
      for (const t of allContainers(w.spec)) {
        if (t.container.securityContext?.readOnlyRootFilesystem !== true) {
          found(`${describeContainer(t)} has a writable root filesystem`, t.container.name);
        }
      }
    },
  }),
});

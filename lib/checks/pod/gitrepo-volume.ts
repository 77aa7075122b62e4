import { workloadCheck } from "../evaluate-workloads";

/** pod.gitrepo-volume: a deprecated gitRepo volume, which makes the kubelet run git on the node. */
export const gitRepoVolume = workloadCheck({
  id: "pod.gitrepo-volume",
  layer: "pod",
  severity: "high",
  title: "gitRepo volumes",
  rationale:
    "A gitRepo volume makes the kubelet clone a repository on the node as root. Deprecated since Kubernetes 1.11, it lets whoever can create a pod run code on the node through crafted repositories (CVE-2024-10220), and it is the only volume type that runs a program on the host.",
  remediation:
    'Clone in an init container into an emptyDir instead:\n```yaml\ninitContainers:\n  - name: clone\n    image: alpine/git\n    args: ["clone", "--depth=1", "https://example.com/repo.git", "/repo"]\n    volumeMounts: [{ name: repo, mountPath: /repo }]\nvolumes:\n  - name: repo\n    emptyDir: {}\n```\nThen disable the plugin cluster-wide where the platform allows it.',
  references: [
    "CVE-2024-10220",
    "NSA/CISA Kubernetes Hardening Guide: pod security",
    "https://kubernetes.io/docs/concepts/storage/volumes/#gitrepo",
  ],
  requires: ["workloads"],
  inspectWorkloads: () => ({
    inspect: (w, found) => {
      for (const v of w.spec.volumes ?? [])
        if ("gitRepo" in v) found(`volume \`${v.name}\` is a gitRepo volume, cloned on the node by the kubelet`);
    },
  }),
});

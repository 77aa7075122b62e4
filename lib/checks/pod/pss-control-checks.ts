import { workloadCheck } from "../evaluate-workloads";
import { podSecurityOf } from "../pss/evaluate-pod-security";
import { PSS_CONTROLS } from "../pss/pss-standard-controls";
import type { Check, Severity } from "../types";

type ControlText = { severity: Severity; title: string; rationale: string; remediation: string };

const PSS_DOC = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";

/** Catalog text for each Pod Security Standards control, keyed by control id. */
const TEXT: Record<string, ControlText> = {
  "host-process": {
    severity: "critical",
    title: "Windows HostProcess containers",
    rationale:
      "A HostProcess container runs directly on the Windows host with the privileges of a host process. A compromise of the container is a compromise of the node.",
    remediation:
      "Remove `windowsOptions.hostProcess: true` from the pod and its containers; run node agents as DaemonSets in a namespace that is exempted on purpose.",
  },
  "host-namespaces": {
    severity: "high",
    title: "Pods share the host's network, PID or IPC namespace",
    rationale:
      "hostNetwork exposes the node's interfaces and loopback services; hostPID lets the pod see and signal every process on the node; hostIPC shares its memory segments. Each removes a layer of isolation between the pod and the node.",
    remediation:
      "Remove these fields or set them to false:\n```yaml\nspec:\n  hostNetwork: false\n  hostPID: false\n  hostIPC: false\n```",
  },
  privileged: {
    severity: "critical",
    title: "Privileged containers",
    rationale:
      "A privileged container has every capability and access to all host devices; escaping to the node is trivial. It disables nearly every isolation mechanism Kubernetes provides.",
    remediation:
      "Set `privileged: false` (or remove it) and grant only the specific capabilities the container needs:\n```yaml\nsecurityContext:\n  privileged: false\n```",
  },
  "capabilities-baseline": {
    severity: "high",
    title: "Containers add capabilities beyond the baseline set",
    rationale:
      "Capabilities such as SYS_ADMIN, NET_ADMIN or SYS_PTRACE give a container kernel powers that enable container escape or host network tampering. The baseline standard allows only a small default set.",
    remediation:
      "Remove the extra capabilities from `securityContext.capabilities.add`; only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT are allowed.",
  },
  "host-path": {
    severity: "high",
    title: "Pods mount host paths",
    rationale:
      "A hostPath volume gives the pod the node's files: the container runtime socket, kubelet credentials or /etc are one mount away from a node takeover.",
    remediation: "Replace hostPath volumes with emptyDir, a PersistentVolumeClaim, a ConfigMap or a CSI driver.",
  },
  "host-ports": {
    severity: "medium",
    title: "Containers bind host ports",
    rationale:
      "A hostPort binds directly on the node's interfaces, bypassing Services and network policies, and limits scheduling.",
    remediation: "Remove `hostPort` and expose the container through a Service.",
  },
  apparmor: {
    severity: "medium",
    title: "AppArmor disabled or overridden",
    rationale:
      "The runtime's default AppArmor profile blocks many kernel attack paths. Setting the profile to Unconfined removes that protection.",
    remediation:
      "Use the runtime default or a localhost profile:\n```yaml\nsecurityContext:\n  appArmorProfile:\n    type: RuntimeDefault\n```",
  },
  selinux: {
    severity: "medium",
    title: "Custom SELinux user, role or type",
    rationale:
      "Setting a custom SELinux type, user or role can give a container a label that is allowed to touch host resources.",
    remediation:
      "Remove `seLinuxOptions.user` and `role`; use only the container_t, container_init_t, container_kvm_t or container_engine_t types.",
  },
  "proc-mount": {
    severity: "medium",
    title: "Unmasked /proc outside a user namespace",
    rationale:
      "The default /proc mount masks paths that leak host information or allow kernel tampering. Unmasking it is only safe inside a user namespace.",
    remediation:
      "Remove `procMount` or set it to `Default`; if an unmasked /proc is required, also set `hostUsers: false`.",
  },
  "seccomp-unconfined": {
    severity: "medium",
    title: "Seccomp explicitly disabled",
    rationale:
      "An Unconfined seccomp profile lets the container call every system call, including the ones most kernel exploits use.",
    remediation:
      "Set the profile to RuntimeDefault:\n```yaml\nsecurityContext:\n  seccompProfile:\n    type: RuntimeDefault\n```",
  },
  "unsafe-sysctls": {
    severity: "medium",
    title: "Unsafe sysctls",
    rationale: "Sysctls outside the namespaced safe set change kernel settings for the whole node and every pod on it.",
    remediation:
      "Remove the sysctl, or move the workload to dedicated nodes where the setting is applied by the node configuration.",
  },
  "host-probes": {
    severity: "medium",
    title: "Probes or lifecycle hooks target another host",
    rationale:
      "A probe or hook with a `host` field makes the kubelet connect to an arbitrary address from the node, which can be abused to reach services the pod itself cannot.",
    remediation: "Remove the `host` field from httpGet and tcpSocket probes and hooks so they target the pod itself.",
  },
  "volume-types": {
    severity: "medium",
    title: "Volume types outside the restricted set",
    rationale:
      "Network and host volume plugins (NFS, iSCSI, gitRepo, hostPath…) run with node privileges or fetch code at mount time. The restricted standard allows only core ephemeral and claim-based types.",
    remediation:
      "Use configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret volumes; reach network storage through a PersistentVolumeClaim.",
  },
  "privilege-escalation": {
    severity: "high",
    title: "Privilege escalation allowed",
    rationale:
      "Without `allowPrivilegeEscalation: false` a process can gain more privileges than its parent, through setuid binaries or file capabilities.",
    remediation: "```yaml\nsecurityContext:\n  allowPrivilegeEscalation: false\n```",
  },
  "run-as-non-root": {
    severity: "high",
    title: "Containers may run as root",
    rationale:
      "A process running as root inside the container is root on the node if it escapes. `runAsNonRoot: true` makes the kubelet refuse to start an image that would run as UID 0.",
    remediation: "```yaml\nspec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n```",
  },
  "run-as-root-user": {
    severity: "high",
    title: "Containers run as UID 0",
    rationale: "`runAsUser: 0` runs the container as root explicitly, overriding a non-root image user.",
    remediation: "Set `runAsUser` to a non-zero UID, or remove it and let the image's non-root user apply.",
  },
  "seccomp-missing": {
    severity: "medium",
    title: "No seccomp profile",
    rationale:
      "Without a seccomp profile a container can make every system call. The restricted standard requires the runtime default or a localhost profile.",
    remediation: "```yaml\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n```",
  },
  "capabilities-not-dropped": {
    severity: "medium",
    title: "Capabilities not dropped",
    rationale:
      "Containers start with a default set of Linux capabilities that most applications never need. The restricted standard requires dropping ALL and adding back at most NET_BIND_SERVICE.",
    remediation: '```yaml\nsecurityContext:\n  capabilities:\n    drop: ["ALL"]\n```',
  },
  "proc-mount-restricted": {
    severity: "medium",
    title: "Unmasked /proc",
    rationale: "The restricted standard forbids unmasking /proc even inside a user namespace.",
    remediation: "Remove `procMount` or set it to `Default`.",
  },
};

/**
 * Controls whose risk a user namespace (`hostUsers: false`) lowers: container root, and the
 * capabilities it holds, map to an unprivileged user on the host. The verdict stays exactly the
 * standard's; the finding says so and sits one severity lower. Privileged is not among them: it
 * still reaches the host's devices and drops confinement, whatever the user mapping.
 */
const USERNS_MITIGATES: Record<string, string> = {
  "run-as-non-root": "its root user maps to an unprivileged user on the node",
  "run-as-root-user": "its root user maps to an unprivileged user on the node",
  "capabilities-baseline": "its capabilities hold inside that namespace only, not on the node",
  "capabilities-not-dropped": "its capabilities hold inside that namespace only, not on the node",
};

/** One check per Pod Security Standards control, evaluated on every pod and pod template. */
export const PSS_CHECKS: Check[] = PSS_CONTROLS.map((control) => {
  const text = TEXT[control.id];
  if (!text) throw new Error(`No catalog text for PSS control ${control.id}`);
  return workloadCheck({
    id: `pod.${control.id}`,
    layer: "pod",
    ...text,
    references: [`PSS ${control.level}: ${control.name}`, PSS_DOC],
    requires: ["workloads"],
    inspectWorkloads: () => ({
      // A pod has a handful of violations: scanning them beats grouping them, 19 checks over.
      inspect: (w, found) => {
        const mitigation = w.spec.hostUsers === false ? USERNS_MITIGATES[control.id] : undefined;
        for (const v of podSecurityOf(w).violations) {
          if (v.control !== control.id) continue;
          if (mitigation)
            found(
              `${v.message}; mitigated: the pod runs in a user namespace (hostUsers: false), so ${mitigation}`,
              v.container || undefined,
              true,
            );
          else found(v.message, v.container || undefined);
        }
      },
    }),
  });
});

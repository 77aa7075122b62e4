import type { PodSpec } from "@/lib/inventory/pod-spec";
import { allContainers, describeContainer, type TaggedContainer } from "./containers";

/**
 * The Pod Security Standards controls, latest version (v1.37), as pure functions over a pod's
 * metadata and spec. Each returns its violations; none means the control is satisfied.
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
export type PssLevel = "privileged" | "baseline" | "restricted";
export type PodView = { annotations: Record<string, string>; spec: PodSpec };
/** A pod with its containers listed once, for the controls that look at every container. */
type Pod = PodView & { containers: TaggedContainer[] };
export type Violation = { container?: string; message: string };
export type PssControl = { id: string; name: string; level: "baseline" | "restricted"; check: (pod: Pod) => Violation[] };

const ALLOWED_BASELINE_CAPABILITIES = new Set([
  "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
  "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
]);
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
  "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat",
]);
const ALLOWED_SELINUX_TYPES = new Set(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);
/** Restricted "Volume Types": these sources are forbidden (everything else is a core ephemeral or claim type). */
const FORBIDDEN_VOLUME_SOURCES = [
  "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd",
  "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk",
  "portworxVolume", "photonPersistentDisk", "scaleIO", "storageos",
];
const APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

const isWindows = (pod: PodView) => pod.spec.os?.name === "windows";

/** Violations for each container whose `pick` returns a message (or several). */
function perContainer(pod: Pod, pick: (c: TaggedContainer) => string | string[] | undefined): Violation[] {
  const out: Violation[] = [];
  for (const tagged of pod.containers) {
    const picked = pick(tagged);
    if (picked === undefined) continue;
    for (const m of Array.isArray(picked) ? picked : [picked]) {
      out.push({ container: tagged.container.name, message: `${describeContainer(tagged)} ${m}` });
    }
  }
  return out;
}

/** Runs every control on a pod, listing its containers once. */
export function checkControls(view: PodView): { control: PssControl; violation: Violation }[] {
  const pod: Pod = { ...view, containers: allContainers(view.spec) };
  const out: { control: PssControl; violation: Violation }[] = [];
  for (const control of PSS_CONTROLS) for (const violation of control.check(pod)) out.push({ control, violation });
  return out;
}

const hostProcess: PssControl = {
  id: "host-process",
  name: "HostProcess",
  level: "baseline",
  check: (pod) => [
    ...(pod.spec.securityContext?.windowsOptions?.hostProcess ? [{ message: "pod sets windowsOptions.hostProcess: true" }] : []),
    ...perContainer(pod, ({ container }) => (container.securityContext?.windowsOptions?.hostProcess ? "sets windowsOptions.hostProcess: true" : undefined)),
  ],
};

const hostNamespaces: PssControl = {
  id: "host-namespaces",
  name: "Host Namespaces",
  level: "baseline",
  check: ({ spec }) =>
    (["hostNetwork", "hostPID", "hostIPC"] as const).filter((f) => spec[f] === true).map((f) => ({ message: `pod sets ${f}: true` })),
};

const privileged: PssControl = {
  id: "privileged",
  name: "Privileged Containers",
  level: "baseline",
  check: (pod) => perContainer(pod, ({ container }) => (container.securityContext?.privileged ? "runs privileged" : undefined)),
};

const capabilitiesBaseline: PssControl = {
  id: "capabilities-baseline",
  name: "Capabilities",
  level: "baseline",
  check: (pod) =>
    perContainer(pod, ({ container }) =>
      (container.securityContext?.capabilities?.add ?? [])
        .filter((cap) => !ALLOWED_BASELINE_CAPABILITIES.has(cap))
        .map((cap) => `adds capability ${cap}`),
    ),
};

const hostPath: PssControl = {
  id: "host-path",
  name: "HostPath Volumes",
  level: "baseline",
  check: ({ spec }) =>
    (spec.volumes ?? [])
      .filter((v) => v.hostPath != null)
      .map((v) => ({ message: `volume \`${v.name}\` mounts host path ${String((v.hostPath as { path?: string }).path ?? "")}`.trimEnd() })),
};

const hostPorts: PssControl = {
  id: "host-ports",
  name: "Host Ports",
  level: "baseline",
  check: (pod) =>
    perContainer(pod, ({ container }) =>
      (container.ports ?? []).filter((p) => p.hostPort != null && p.hostPort !== 0).map((p) => `binds host port ${p.hostPort}`),
    ),
};

const isAllowedAppArmorType = (t: string | undefined) => t === undefined || t === "RuntimeDefault" || t === "Localhost";
const appArmor: PssControl = {
  id: "apparmor",
  name: "AppArmor",
  level: "baseline",
  check: (pod) => [
    ...(isAllowedAppArmorType(pod.spec.securityContext?.appArmorProfile?.type)
      ? []
      : [{ message: `pod sets AppArmor profile ${pod.spec.securityContext?.appArmorProfile?.type}` }]),
    ...perContainer(pod, ({ container }) =>
      isAllowedAppArmorType(container.securityContext?.appArmorProfile?.type)
        ? undefined
        : `sets AppArmor profile ${container.securityContext?.appArmorProfile?.type}`,
    ),
    ...Object.entries(pod.annotations)
      .filter(([k, v]) => k.startsWith(APPARMOR_ANNOTATION) && !(v === "runtime/default" || v.startsWith("localhost/")))
      .map(([k, v]) => ({ container: k.slice(APPARMOR_ANNOTATION.length), message: `annotation sets AppArmor profile ${v} for container \`${k.slice(APPARMOR_ANNOTATION.length)}\`` })),
  ],
};

function seLinuxProblem(o: { type?: string; user?: string; role?: string } | undefined): string | undefined {
  if (!o) return undefined;
  if (o.type !== undefined && !ALLOWED_SELINUX_TYPES.has(o.type)) return `SELinux type ${o.type}`;
  if (o.user) return `SELinux user ${o.user}`;
  if (o.role) return `SELinux role ${o.role}`;
  return undefined;
}
const seLinux: PssControl = {
  id: "selinux",
  name: "SELinux",
  level: "baseline",
  check: (pod) => {
    const podProblem = seLinuxProblem(pod.spec.securityContext?.seLinuxOptions);
    return [
      ...(podProblem ? [{ message: `pod sets ${podProblem}` }] : []),
      ...perContainer(pod, ({ container }) => {
        const p = seLinuxProblem(container.securityContext?.seLinuxOptions);
        return p ? `sets ${p}` : undefined;
      }),
    ];
  },
};

/** Baseline allows Unmasked /proc only inside a user namespace (hostUsers: false). */
const procMountBaseline: PssControl = {
  id: "proc-mount",
  name: "/proc Mount Type",
  level: "baseline",
  check: (pod) =>
    pod.spec.hostUsers === false
      ? []
      : perContainer(pod, ({ container }) => {
          const m = container.securityContext?.procMount;
          return m !== undefined && m !== "Default" ? `sets procMount: ${m} without a user namespace (hostUsers: false)` : undefined;
        }),
};

const seccompBaseline: PssControl = {
  id: "seccomp-unconfined",
  name: "Seccomp",
  level: "baseline",
  check: (pod) => [
    ...(pod.spec.securityContext?.seccompProfile?.type === "Unconfined" ? [{ message: "pod sets seccomp profile Unconfined" }] : []),
    ...perContainer(pod, ({ container }) => (container.securityContext?.seccompProfile?.type === "Unconfined" ? "sets seccomp profile Unconfined" : undefined)),
  ],
};

const sysctls: PssControl = {
  id: "unsafe-sysctls",
  name: "Sysctls",
  level: "baseline",
  check: ({ spec }) =>
    (spec.securityContext?.sysctls ?? []).filter((s) => !SAFE_SYSCTLS.has(s.name)).map((s) => ({ message: `pod sets unsafe sysctl ${s.name}` })),
};

const hostProbes: PssControl = {
  id: "host-probes",
  name: "Host Probes / Lifecycle Hooks",
  level: "baseline",
  check: (pod) =>
    perContainer(pod, ({ container }) => {
      const handlers = {
        livenessProbe: container.livenessProbe,
        readinessProbe: container.readinessProbe,
        startupProbe: container.startupProbe,
        "lifecycle.postStart": container.lifecycle?.postStart,
        "lifecycle.preStop": container.lifecycle?.preStop,
      };
      return Object.entries(handlers).flatMap(([where, h]) => {
        const host = h?.httpGet?.host || h?.tcpSocket?.host;
        return host ? [`sends its ${where} to host ${host}`] : [];
      });
    }),
};

const volumeTypes: PssControl = {
  id: "volume-types",
  name: "Volume Types",
  level: "restricted",
  check: ({ spec }) =>
    (spec.volumes ?? []).flatMap((v) => {
      const type = FORBIDDEN_VOLUME_SOURCES.find((t) => v[t] != null);
      return type ? [{ message: `volume \`${v.name}\` uses the ${type} volume type` }] : [];
    }),
};

const privilegeEscalation: PssControl = {
  id: "privilege-escalation",
  name: "Privilege Escalation",
  level: "restricted",
  check: (pod) =>
    isWindows(pod)
      ? []
      : perContainer(pod, ({ container }) =>
          container.securityContext?.allowPrivilegeEscalation === false ? undefined : "does not set allowPrivilegeEscalation: false",
        ),
};

const runAsNonRoot: PssControl = {
  id: "run-as-non-root",
  name: "Running as Non-root",
  level: "restricted",
  check: (pod) => {
    const podLevel = pod.spec.securityContext?.runAsNonRoot;
    if (podLevel === false) return [{ message: "pod sets runAsNonRoot: false" }];
    return perContainer(pod, ({ container }) => {
      const own = container.securityContext?.runAsNonRoot;
      if (own === false) return "sets runAsNonRoot: false";
      return own === true || podLevel === true ? undefined : "does not set runAsNonRoot: true (neither does the pod)";
    });
  },
};

const runAsUser: PssControl = {
  id: "run-as-root-user",
  name: "Running as Non-root user",
  level: "restricted",
  check: (pod) => [
    ...(pod.spec.securityContext?.runAsUser === 0 ? [{ message: "pod sets runAsUser: 0 (root)" }] : []),
    ...perContainer(pod, ({ container }) => (container.securityContext?.runAsUser === 0 ? "sets runAsUser: 0 (root)" : undefined)),
  ],
};

const isConfinedSeccomp = (t: string | undefined) => t === "RuntimeDefault" || t === "Localhost";
const seccompRestricted: PssControl = {
  id: "seccomp-missing",
  name: "Seccomp",
  level: "restricted",
  check: (pod) => {
    if (isWindows(pod)) return [];
    const podType = pod.spec.securityContext?.seccompProfile?.type;
    const podProblem = podType !== undefined && !isConfinedSeccomp(podType) ? [{ message: `pod sets seccomp profile ${podType}` }] : [];
    return [
      ...podProblem,
      ...perContainer(pod, ({ container }) => {
        const own = container.securityContext?.seccompProfile?.type;
        if (own !== undefined) return isConfinedSeccomp(own) ? undefined : `sets seccomp profile ${own}`;
        return isConfinedSeccomp(podType) ? undefined : "has no seccomp profile (RuntimeDefault or Localhost), and neither does the pod";
      }),
    ];
  },
};

const capabilitiesRestricted: PssControl = {
  id: "capabilities-not-dropped",
  name: "Capabilities",
  level: "restricted",
  check: (pod) =>
    isWindows(pod)
      ? []
      : perContainer(pod, ({ container }) => {
          const caps = container.securityContext?.capabilities;
          return [
            ...(caps?.drop?.includes("ALL") ? [] : ["does not drop ALL capabilities"]),
            ...(caps?.add ?? []).filter((c) => c !== "NET_BIND_SERVICE").map((c) => `adds capability ${c}`),
          ];
        }),
};

/** Restricted forbids Unmasked /proc even inside a user namespace. */
const procMountRestricted: PssControl = {
  id: "proc-mount-restricted",
  name: "/proc Mount Type",
  level: "restricted",
  check: (pod) =>
    perContainer(pod, ({ container }) => {
      const m = container.securityContext?.procMount;
      return m !== undefined && m !== "Default" ? `sets procMount: ${m}` : undefined;
    }),
};

export const PSS_CONTROLS: readonly PssControl[] = [
  hostProcess, hostNamespaces, privileged, capabilitiesBaseline, hostPath, hostPorts, appArmor, seLinux,
  procMountBaseline, seccompBaseline, sysctls, hostProbes,
  volumeTypes, privilegeEscalation, runAsNonRoot, runAsUser, seccompRestricted, capabilitiesRestricted, procMountRestricted,
];

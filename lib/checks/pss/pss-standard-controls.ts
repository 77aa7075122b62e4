import type { PodSpec } from "@/lib/inventory/pod-spec";

import { allContainers, describeContainer, type TaggedContainer } from "./containers";

/**
 * The Pod Security Standards controls, latest version (v1.37), as pure functions over a pod's
 * metadata and spec. Each reports its violations through `found`; none means the control is satisfied.
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
/** The Kubernetes release whose Pod Security Standards these controls implement. */
export const PSS_VERSION = "v1.37";
export type PssLevel = "privileged" | "baseline" | "restricted";
export type PodView = { annotations: Record<string, string>; spec: PodSpec };
/** A pod with its containers listed once, for the controls that look at every container. */
type Pod = PodView & { containers: TaggedContainer[] };
/** Records one violation of the control being checked, with the container it concerns. */
type Found = (message: string, container?: string) => void;
export type PssViolation = { control: string; level: "baseline" | "restricted"; container?: string; message: string };
export type PssControl = {
  id: string;
  name: string;
  level: "baseline" | "restricted";
  check: (pod: Pod, found: Found) => void;
};

const ALLOWED_BASELINE_CAPABILITIES = new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
]);
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem",
  "net.ipv4.tcp_slow_start_after_idle",
  "net.ipv4.tcp_notsent_lowat",
]);
const ALLOWED_SELINUX_TYPES = new Set(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);
/** Restricted "Volume Types": these sources are forbidden (everything else is a core ephemeral or claim type). */
const FORBIDDEN_VOLUME_SOURCES = [
  "hostPath",
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "gitRepo",
  "nfs",
  "iscsi",
  "glusterfs",
  "rbd",
  "flexVolume",
  "cinder",
  "cephfs",
  "flocker",
  "fc",
  "azureFile",
  "vsphereVolume",
  "quobyte",
  "azureDisk",
  "portworxVolume",
  "photonPersistentDisk",
  "scaleIO",
  "storageos",
];
const APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

const isWindows = (pod: PodView) => pod.spec.os?.name === "windows";

/** A violation on one container: "init container `setup` runs privileged". */
function inContainer(found: Found, tagged: TaggedContainer, problem: string): void {
  found(`${describeContainer(tagged)} ${problem}`, tagged.container.name);
}

/** A violation for each container whose `pick` returns a problem. */
function eachContainer(pod: Pod, found: Found, pick: (c: TaggedContainer) => string | undefined): void {
  for (const tagged of pod.containers) {
    const problem = pick(tagged);
    if (problem !== undefined) inContainer(found, tagged, problem);
  }
}

/** Runs every control on a pod, listing its containers once. Violations come in control order. */
export function checkControls(view: PodView): PssViolation[] {
  const pod: Pod = { annotations: view.annotations, spec: view.spec, containers: allContainers(view.spec) };
  const violations: PssViolation[] = [];
  let control = PSS_CONTROLS[0]!;
  const found: Found = (message, container) => {
    violations.push(
      container === undefined
        ? { control: control.id, level: control.level, message }
        : { control: control.id, level: control.level, container, message },
    );
  };
  for (control of PSS_CONTROLS) control.check(pod, found);
  return violations;
}

const hostProcess: PssControl = {
  id: "host-process",
  name: "HostProcess",
  level: "baseline",
  check: (pod, found) => {
    if (pod.spec.securityContext?.windowsOptions?.hostProcess) found("pod sets windowsOptions.hostProcess: true");
    eachContainer(pod, found, ({ container }) =>
      container.securityContext?.windowsOptions?.hostProcess ? "sets windowsOptions.hostProcess: true" : undefined,
    );
  },
};

const hostNamespaces: PssControl = {
  id: "host-namespaces",
  name: "Host Namespaces",
  level: "baseline",
  check: ({ spec }, found) => {
    for (const f of ["hostNetwork", "hostPID", "hostIPC"] as const) if (spec[f] === true) found(`pod sets ${f}: true`);
  },
};

const privileged: PssControl = {
  id: "privileged",
  name: "Privileged Containers",
  level: "baseline",
  check: (pod, found) =>
    eachContainer(pod, found, ({ container }) =>
      container.securityContext?.privileged ? "runs privileged" : undefined,
    ),
};

const capabilitiesBaseline: PssControl = {
  id: "capabilities-baseline",
  name: "Capabilities",
  level: "baseline",
  check: (pod, found) => {
    for (const t of pod.containers) {
      for (const cap of t.container.securityContext?.capabilities?.add ?? []) {
        if (!ALLOWED_BASELINE_CAPABILITIES.has(cap)) inContainer(found, t, `adds capability ${cap}`);
      }
    }
  },
};

const hostPath: PssControl = {
  id: "host-path",
  name: "HostPath Volumes",
  level: "baseline",
  check: ({ spec }, found) => {
    for (const v of spec.volumes ?? []) {
      if (v.hostPath != null)
        found(
          `volume \`${v.name}\` mounts host path ${String((v.hostPath as { path?: string }).path ?? "")}`.trimEnd(),
        );
    }
  },
};

const hostPorts: PssControl = {
  id: "host-ports",
  name: "Host Ports",
  level: "baseline",
  check: (pod, found) => {
    for (const t of pod.containers) {
      for (const p of t.container.ports ?? [])
        if (p.hostPort != null && p.hostPort !== 0) inContainer(found, t, `binds host port ${p.hostPort}`);
    }
  },
};

const isAllowedAppArmorType = (t: string | undefined) => t === undefined || t === "RuntimeDefault" || t === "Localhost";
const appArmor: PssControl = {
  id: "apparmor",
  name: "AppArmor",
  level: "baseline",
  check: (pod, found) => {
    const podType = pod.spec.securityContext?.appArmorProfile?.type;
    if (!isAllowedAppArmorType(podType)) found(`pod sets AppArmor profile ${podType}`);
    eachContainer(pod, found, ({ container }) => {
      const type = container.securityContext?.appArmorProfile?.type;
      return isAllowedAppArmorType(type) ? undefined : `sets AppArmor profile ${type}`;
    });
    for (const k in pod.annotations) {
      const v = pod.annotations[k]!;
      if (!k.startsWith(APPARMOR_ANNOTATION) || v === "runtime/default" || v.startsWith("localhost/")) continue;
      const name = k.slice(APPARMOR_ANNOTATION.length);
      found(`annotation sets AppArmor profile ${v} for container \`${name}\``, name || undefined);
    }
  },
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
  check: (pod, found) => {
    const podProblem = seLinuxProblem(pod.spec.securityContext?.seLinuxOptions);
    if (podProblem) found(`pod sets ${podProblem}`);
    eachContainer(pod, found, ({ container }) => {
      const p = seLinuxProblem(container.securityContext?.seLinuxOptions);
      return p ? `sets ${p}` : undefined;
    });
  },
};

/** Baseline allows Unmasked /proc only inside a user namespace (hostUsers: false). */
const procMountBaseline: PssControl = {
  id: "proc-mount",
  name: "/proc Mount Type",
  level: "baseline",
  check: (pod, found) => {
    if (pod.spec.hostUsers === false) return;
    eachContainer(pod, found, ({ container }) => {
      const m = container.securityContext?.procMount;
      return m !== undefined && m !== "Default"
        ? `sets procMount: ${m} without a user namespace (hostUsers: false)`
        : undefined;
    });
  },
};

const seccompBaseline: PssControl = {
  id: "seccomp-unconfined",
  name: "Seccomp",
  level: "baseline",
  check: (pod, found) => {
    if (pod.spec.securityContext?.seccompProfile?.type === "Unconfined") found("pod sets seccomp profile Unconfined");
    eachContainer(pod, found, ({ container }) =>
      container.securityContext?.seccompProfile?.type === "Unconfined" ? "sets seccomp profile Unconfined" : undefined,
    );
  },
};

const sysctls: PssControl = {
  id: "unsafe-sysctls",
  name: "Sysctls",
  level: "baseline",
  check: ({ spec }, found) => {
    for (const s of spec.securityContext?.sysctls ?? [])
      if (!SAFE_SYSCTLS.has(s.name)) found(`pod sets unsafe sysctl ${s.name}`);
  },
};

type Handler = { httpGet?: { host?: string }; tcpSocket?: { host?: string } } | undefined;
const hostProbes: PssControl = {
  id: "host-probes",
  name: "Host Probes / Lifecycle Hooks",
  level: "baseline",
  check: (pod, found) => {
    for (const t of pod.containers) {
      const c = t.container;
      const handlers: [string, Handler][] = [
        ["livenessProbe", c.livenessProbe],
        ["readinessProbe", c.readinessProbe],
        ["startupProbe", c.startupProbe],
        ["lifecycle.postStart", c.lifecycle?.postStart],
        ["lifecycle.preStop", c.lifecycle?.preStop],
      ];
      for (const [where, h] of handlers) {
        const host = h?.httpGet?.host || h?.tcpSocket?.host;
        if (host) inContainer(found, t, `sends its ${where} to host ${host}`);
      }
    }
  },
};

const volumeTypes: PssControl = {
  id: "volume-types",
  name: "Volume Types",
  level: "restricted",
  check: ({ spec }, found) => {
    for (const v of spec.volumes ?? []) {
      const type = FORBIDDEN_VOLUME_SOURCES.find((t) => v[t] != null);
      if (type) found(`volume \`${v.name}\` uses the ${type} volume type`);
    }
  },
};

const privilegeEscalation: PssControl = {
  id: "privilege-escalation",
  name: "Privilege Escalation",
  level: "restricted",
  check: (pod, found) => {
    if (isWindows(pod)) return;
    eachContainer(pod, found, ({ container }) =>
      container.securityContext?.allowPrivilegeEscalation === false
        ? undefined
        : "does not set allowPrivilegeEscalation: false",
    );
  },
};

const runAsNonRoot: PssControl = {
  id: "run-as-non-root",
  name: "Running as Non-root",
  level: "restricted",
  check: (pod, found) => {
    const podLevel = pod.spec.securityContext?.runAsNonRoot;
    if (podLevel === false) return found("pod sets runAsNonRoot: false");
    eachContainer(pod, found, ({ container }) => {
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
  check: (pod, found) => {
    if (pod.spec.securityContext?.runAsUser === 0) found("pod sets runAsUser: 0 (root)");
    eachContainer(pod, found, ({ container }) =>
      container.securityContext?.runAsUser === 0 ? "sets runAsUser: 0 (root)" : undefined,
    );
  },
};

const isConfinedSeccomp = (t: string | undefined) => t === "RuntimeDefault" || t === "Localhost";
const seccompRestricted: PssControl = {
  id: "seccomp-missing",
  name: "Seccomp",
  level: "restricted",
  check: (pod, found) => {
    if (isWindows(pod)) return;
    const podType = pod.spec.securityContext?.seccompProfile?.type;
    if (podType !== undefined && !isConfinedSeccomp(podType)) found(`pod sets seccomp profile ${podType}`);
    eachContainer(pod, found, ({ container }) => {
      const own = container.securityContext?.seccompProfile?.type;
      if (own !== undefined) return isConfinedSeccomp(own) ? undefined : `sets seccomp profile ${own}`;
      return isConfinedSeccomp(podType)
        ? undefined
        : "has no seccomp profile (RuntimeDefault or Localhost), and neither does the pod";
    });
  },
};

const capabilitiesRestricted: PssControl = {
  id: "capabilities-not-dropped",
  name: "Capabilities",
  level: "restricted",
  check: (pod, found) => {
    if (isWindows(pod)) return;
    for (const t of pod.containers) {
      const caps = t.container.securityContext?.capabilities;
      const drop = caps?.drop ?? [];
      if (!drop.includes("ALL")) {
        // Runtimes read `all` as ALL, but Pod Security admission compares exactly and rejects it.
        const spelled = drop.find((c) => c.toUpperCase() === "ALL");
        inContainer(
          found,
          t,
          spelled
            ? `drops \`${spelled}\`, which Pod Security admission does not accept: write ALL in capitals`
            : "does not drop ALL capabilities",
        );
      }
      for (const c of caps?.add ?? []) if (c !== "NET_BIND_SERVICE") inContainer(found, t, `adds capability ${c}`);
    }
  },
};

/** Restricted forbids Unmasked /proc even inside a user namespace. */
const procMountRestricted: PssControl = {
  id: "proc-mount-restricted",
  name: "/proc Mount Type",
  level: "restricted",
  check: (pod, found) =>
    eachContainer(pod, found, ({ container }) => {
      const m = container.securityContext?.procMount;
      return m !== undefined && m !== "Default" ? `sets procMount: ${m}` : undefined;
    }),
};

export const PSS_CONTROLS: readonly PssControl[] = [
  hostProcess,
  hostNamespaces,
  privileged,
  capabilitiesBaseline,
  hostPath,
  hostPorts,
  appArmor,
  seLinux,
  procMountBaseline,
  seccompBaseline,
  sysctls,
  hostProbes,
  volumeTypes,
  privilegeEscalation,
  runAsNonRoot,
  runAsUser,
  seccompRestricted,
  capabilitiesRestricted,
  procMountRestricted,
];

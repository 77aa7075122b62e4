import type { ControlPlaneFlags } from "./control-plane-flags";

/**
 * The parts of the Kubernetes pod API the checks read, as plain types. Field names follow the
 * API exactly, so objects from a cluster or a manifest fit without conversion.
 */
export type Capabilities = { add?: string[]; drop?: string[] };
export type SeccompProfile = { type?: string; localhostProfile?: string };
export type AppArmorProfile = { type?: string; localhostProfile?: string };
export type SELinuxOptions = { user?: string; role?: string; type?: string; level?: string };

export type SecurityContext = {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  procMount?: string;
  capabilities?: Capabilities;
  seccompProfile?: SeccompProfile;
  appArmorProfile?: AppArmorProfile;
  seLinuxOptions?: SELinuxOptions;
  windowsOptions?: { hostProcess?: boolean };
};

export type PodSecurityContext = Omit<
  SecurityContext,
  "privileged" | "allowPrivilegeEscalation" | "readOnlyRootFilesystem" | "procMount" | "capabilities"
> & {
  sysctls?: { name: string; value?: string }[];
  fsGroup?: number;
  supplementalGroups?: number[];
};

type HostHandler = {
  httpGet?: { host?: string; port?: number | string; path?: string; queryDigest?: string };
  tcpSocket?: { host?: string; port?: number | string };
};
/**
 * A probe's handler. An exec command and an HTTP path's query string are kept only as
 * fingerprints (`commandDigest`, `queryDigest`), so two probes can be compared without keeping
 * command lines or query strings, which sometimes carry credentials.
 */
export type Probe = HostHandler & { exec?: { commandDigest?: string }; grpc?: { port?: number; service?: string } };

/** An environment variable. A literal value is never kept: only whether it looked like a credential. */
export type EnvVar = {
  name: string;
  /** Set when the literal value looked like a credential: the kind, never the value. */
  credential?: string;
  valueFrom?: { secretKeyRef?: { name?: string; key?: string }; configMapKeyRef?: { name?: string; key?: string } };
};

export type Container = {
  name: string;
  image?: string;
  imagePullPolicy?: string;
  securityContext?: SecurityContext;
  ports?: { containerPort?: number; hostPort?: number; protocol?: string; name?: string }[];
  resources?: { limits?: Record<string, string | number>; requests?: Record<string, string | number> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { postStart?: HostHandler; preStop?: HostHandler };
  env?: EnvVar[];
  envFrom?: { secretRef?: { name?: string }; configMapRef?: { name?: string } }[];
  /** "Always" on an init container makes it a long-running sidecar. */
  restartPolicy?: string;
  /** For a control plane component (static pods): its allow-listed flags; other arguments are never kept. */
  controlPlane?: ControlPlaneFlags;
};

export type Volume = { name: string } & Record<string, unknown>;

export type PodSpec = {
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  volumes?: Volume[];
  securityContext?: PodSecurityContext;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  hostUsers?: boolean;
  os?: { name?: string };
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  runtimeClassName?: string;
  nodeName?: string;
};

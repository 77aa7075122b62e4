import { staticPod } from "@/lib/fake-api-server/clusters/build";
import type { FixtureCluster } from "@/lib/fake-api-server/types";

import { hardenedEdited } from "../__fixtures__/cluster-builders";
import type { Evaluation } from "../types";

export { staticPod };

type Findings = Extract<Evaluation, { status: "evaluated" }>["findings"];

export const GOOD_FLAGS: Record<string, string[]> = {
  "kube-apiserver": [
    "--advertise-address=10.1.0.10",
    "--anonymous-auth=false",
    "--authorization-mode=Node,RBAC",
    "--enable-admission-plugins=NodeRestriction",
    "--audit-policy-file=/etc/kubernetes/audit-policy.yaml",
    "--audit-log-path=/var/log/kubernetes/audit.log",
    "--audit-log-maxage=30",
    "--audit-log-maxbackup=10",
    "--audit-log-maxsize=100",
    "--encryption-provider-config=/etc/kubernetes/encryption.yaml",
    "--etcd-servers=https://127.0.0.1:2379",
  ],
  etcd: [
    "--client-cert-auth=true",
    "--peer-client-cert-auth=true",
    "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
    "--data-dir=/var/lib/etcd",
  ],
  "kube-controller-manager": [
    "--profiling=false",
    "--bind-address=127.0.0.1",
    "--use-service-account-credentials=true",
  ],
  "kube-scheduler": ["--profiling=false", "--bind-address=127.0.0.1"],
};

/** The hardened cluster with a self-managed control plane; `edit` changes a component's flags. */
export function withControlPlane(edit: Partial<Record<string, (flags: string[]) => string[]>> = {}): FixtureCluster {
  return hardenedEdited((objects) => {
    for (const [component, flags] of Object.entries(GOOD_FLAGS))
      objects.push(staticPod(component, (edit[component] ?? ((f) => f))([...flags])));
  });
}

const pod = (component: string) => ({ kind: "Pod", namespace: "kube-system", name: `${component}-cp-1` });
const drop =
  (...names: string[]) =>
  (flags: string[]) =>
    flags.filter((f) => !names.some((n) => f.startsWith(`--${n}=`)));
const set = (name: string, value: string) => (flags: string[]) => [...drop(name)(flags), `--${name}=${value}`];

/** Pass and fail fixtures of the control plane checks, in the shape of cluster-checks.test.ts. */
export const CONTROL_PLANE_CASES: Record<string, { pass: FixtureCluster; fail: FixtureCluster; findings: Findings }> = {
  "node.apiserver-anonymous-auth": {
    pass: withControlPlane(),
    fail: withControlPlane({ "kube-apiserver": drop("anonymous-auth") }),
    findings: [
      {
        resource: pod("kube-apiserver"),
        message:
          "kube-apiserver (pod `kube-apiserver-cp-1`) runs without --anonymous-auth=false (anonymous requests are on by default)",
      },
    ],
  },
  "node.apiserver-authorization": {
    pass: withControlPlane(),
    fail: withControlPlane({ "kube-apiserver": set("authorization-mode", "AlwaysAllow") }),
    findings: [
      {
        resource: pod("kube-apiserver"),
        message:
          "kube-apiserver (pod `kube-apiserver-cp-1`) authorises every request (--authorization-mode includes AlwaysAllow)",
      },
      {
        resource: pod("kube-apiserver"),
        message: "kube-apiserver (pod `kube-apiserver-cp-1`) --authorization-mode lacks Node",
      },
      {
        resource: pod("kube-apiserver"),
        message: "kube-apiserver (pod `kube-apiserver-cp-1`) --authorization-mode lacks RBAC",
      },
    ],
  },
  "node.apiserver-admission-plugins": {
    pass: withControlPlane(),
    fail: withControlPlane({
      "kube-apiserver": (f) => [
        ...set("enable-admission-plugins", "AlwaysAdmit")(f),
        "--disable-admission-plugins=ServiceAccount,NamespaceLifecycle",
      ],
    }),
    findings: [
      {
        resource: pod("kube-apiserver"),
        message: "kube-apiserver (pod `kube-apiserver-cp-1`) does not enable the NodeRestriction admission plugin",
      },
      {
        resource: pod("kube-apiserver"),
        message: "kube-apiserver (pod `kube-apiserver-cp-1`) enables the AlwaysAdmit admission plugin",
      },
      {
        resource: pod("kube-apiserver"),
        message: "kube-apiserver (pod `kube-apiserver-cp-1`) disables the ServiceAccount admission plugin",
      },
      {
        resource: pod("kube-apiserver"),
        message: "kube-apiserver (pod `kube-apiserver-cp-1`) disables the NamespaceLifecycle admission plugin",
      },
    ],
  },
  "node.apiserver-audit-log": {
    pass: withControlPlane(),
    fail: withControlPlane({
      "kube-apiserver": drop("audit-log-path", "audit-log-maxage", "audit-log-maxbackup", "audit-log-maxsize"),
    }),
    findings: [
      {
        resource: pod("kube-apiserver"),
        message:
          "kube-apiserver (pod `kube-apiserver-cp-1`) writes no audit log (no --audit-log-path or --audit-webhook-config-file)",
      },
      {
        resource: pod("kube-apiserver"),
        message:
          "kube-apiserver (pod `kube-apiserver-cp-1`) keeps too little audit log: --audit-log-maxage is unset, below 30",
      },
      {
        resource: pod("kube-apiserver"),
        message:
          "kube-apiserver (pod `kube-apiserver-cp-1`) keeps too little audit log: --audit-log-maxbackup is unset, below 10",
      },
      {
        resource: pod("kube-apiserver"),
        message:
          "kube-apiserver (pod `kube-apiserver-cp-1`) keeps too little audit log: --audit-log-maxsize is unset, below 100",
      },
    ],
  },
  "node.apiserver-encryption-at-rest": {
    pass: withControlPlane(),
    fail: withControlPlane({ "kube-apiserver": drop("encryption-provider-config") }),
    findings: [
      {
        resource: pod("kube-apiserver"),
        message:
          "kube-apiserver (pod `kube-apiserver-cp-1`) has no --encryption-provider-config: Secrets are stored unencrypted in etcd",
      },
    ],
  },
  "node.etcd-client-auth": {
    pass: withControlPlane(),
    fail: withControlPlane({
      etcd: (f) => [...drop("client-cert-auth", "peer-client-cert-auth")(f), "--auto-tls=true", "--peer-auto-tls=true"],
    }),
    findings: [
      {
        resource: pod("etcd"),
        message: "etcd (pod `etcd-cp-1`) does not require client certificates (--client-cert-auth)",
      },
      {
        resource: pod("etcd"),
        message: "etcd (pod `etcd-cp-1`) does not require peer certificates (--peer-client-cert-auth)",
      },
      { resource: pod("etcd"), message: "etcd (pod `etcd-cp-1`) uses self-signed client TLS (--auto-tls)" },
      { resource: pod("etcd"), message: "etcd (pod `etcd-cp-1`) uses self-signed peer TLS (--peer-auto-tls)" },
    ],
  },
  "node.controller-manager-exposure": {
    pass: withControlPlane(),
    fail: withControlPlane({ "kube-controller-manager": (f) => set("bind-address", "0.0.0.0")(drop("profiling")(f)) }),
    findings: [
      {
        resource: pod("kube-controller-manager"),
        message:
          "kube-controller-manager (pod `kube-controller-manager-cp-1`) serves profiling data (--profiling is not false)",
      },
      {
        resource: pod("kube-controller-manager"),
        message:
          "kube-controller-manager (pod `kube-controller-manager-cp-1`) listens on --bind-address=0.0.0.0, not 127.0.0.1",
      },
    ],
  },
  "node.scheduler-exposure": {
    pass: withControlPlane(),
    fail: withControlPlane({ "kube-scheduler": set("profiling", "true") }),
    findings: [
      {
        resource: pod("kube-scheduler"),
        message: "kube-scheduler (pod `kube-scheduler-cp-1`) serves profiling data (--profiling is not false)",
      },
    ],
  },
};

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getCACertificates, setDefaultCACertificates } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { contextWith } from "@/lib/checks/__fixtures__/builders";
import { getCheck } from "@/lib/checks/registry";
import { runChecks } from "@/lib/checks/run-checks";
import { clusterRole, clusterRoleBinding } from "@/lib/fake-api-server/clusters/build";
import { demoCluster } from "@/lib/fake-api-server/clusters/demo";
import { createFakeApiServer, type FakeApiServer } from "@/lib/fake-api-server/create-fake-api-server";
import { generateTls, type TlsMaterial } from "@/lib/fake-api-server/generate-tls";
import type { ApiObject, Faults } from "@/lib/fake-api-server/types";
import { kubeconfigFor } from "@/lib/fake-api-server/write-kubeconfig";
import { ClusterUnavailableError, collectInventory } from "@/lib/k8s/collect-inventory";
import { connect, KubeconfigError, type ConnectPolicy } from "@/lib/k8s/connect";
import { probeAnonymous } from "@/lib/k8s/probe-anonymous";

const TOKEN = "demo-scanner-token-0123456789";
const POLICY: ConnectPolicy = { allowExec: false, allowLoopback: true };
let tls: TlsMaterial;
const servers: FakeApiServer[] = [];

beforeAll(async () => {
  tls = await generateTls();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(faults: Faults = {}, token = TOKEN) {
  const server = await createFakeApiServer({ cluster: demoCluster(3), tls, token, faults });
  servers.push(server);
  const conn = await connect(
    {
      type: "kubeconfig-text",
      text: kubeconfigFor({ name: "demo", server: server.url, caPem: tls.caPem, token: TOKEN }),
      origin: "test kubeconfig",
    },
    POLICY,
  );
  return { server, conn };
}

describe("collectInventory against the fake API server over HTTPS", () => {
  it("reads every kind, folds pods into controllers, and sends the bearer token on every request", async () => {
    const { server, conn } = await serve();
    const { inventory, version, warnings, counts } = await collectInventory(conn);
    expect(version.gitVersion).toBe("v1.36.2");
    expect(warnings).toStrictEqual([]);
    expect(inventory.workloads.map((w) => `${w.ref.kind}/${w.ref.namespace}/${w.ref.name}`)).toContain(
      "Deployment/shop/cart",
    );
    expect(inventory.nodes.map((n) => [n.ref.name, n.kubelet.status])).toStrictEqual([
      ["cp-1", "read"],
      ["worker-1", "read"],
      ["worker-2", "read"],
      ["worker-3", "read"],
    ]);
    expect(inventory.nodes.find((n) => n.ref.name === "worker-2")?.kubelet).toMatchObject({
      anonymousAuth: true,
      authorizationMode: "Webhook",
    });
    expect(inventory.vulnerabilityReports.length).toBe(4);
    // What the disruption-budget check weighs: the budget's floor against the autoscaler's.
    expect(inventory.podDisruptionBudgets.map((p) => [p.ref.name, p.minAvailable, p.maxUnavailable])).toStrictEqual([
      ["frontend", 2, undefined],
    ]);
    expect(inventory.horizontalPodAutoscalers).toStrictEqual([
      {
        ref: { kind: "HorizontalPodAutoscaler", namespace: "shop", name: "frontend" },
        target: { kind: "Deployment", name: "frontend" },
        minReplicas: 3,
      },
    ]);
    expect(counts.pods).toBe(5); // debug-tools and the four static pods of the control plane
    // Every request carries the token but one: the unauthenticated probe, answered 401 (anonymous auth off).
    expect(server.requests.filter((r) => r.auth !== `Bearer ${TOKEN}`)).toStrictEqual([
      { path: "/api/v1/namespaces?limit=1", auth: undefined, accept: "application/json" },
    ]);
    expect(inventory.anonymousProbe).toStrictEqual({ path: "/api/v1/namespaces?limit=1", status: 401 });
  });

  it("never asks for secret values: every secrets request is metadata-only", async () => {
    const { server, conn } = await serve();
    const { inventory } = await collectInventory(conn);
    const secretRequests = server.requests.filter((r) => r.path.includes("/secrets"));
    expect(secretRequests.length).toBe(2);
    for (const r of secretRequests) expect(r.accept).toContain("as=PartialObjectMetadataList");
    expect(inventory.secrets.find((s) => s.ref.name === "legacy-ci-token")).toMatchObject({
      isServiceAccountToken: true,
    });
    expect(inventory.secrets.find((s) => s.ref.name === "payments-db")).toMatchObject({ isServiceAccountToken: false });
    expect(JSON.stringify(inventory)).not.toMatch(/"data"/);
  });

  it("pages through lists with limit and continue, never resourceVersion=0", async () => {
    const { server, conn } = await serve();
    const { counts } = await collectInventory(conn, { pageSize: 2 });
    expect(counts.serviceaccounts).toBeGreaterThan(4);
    const saRequests = server.requests.filter((r) => r.path.startsWith("/api/v1/serviceaccounts"));
    expect(saRequests.length).toBe(Math.ceil(counts.serviceaccounts! / 2));
    expect(saRequests.slice(1).every((r) => r.path.includes("continue="))).toBe(true);
    expect(server.requests.some((r) => r.path.includes("resourceVersion=0"))).toBe(false);
  });

  it("turns a forbidden kind into a warning naming it, while the other kinds still arrive", async () => {
    const { conn } = await serve({
      forbidden: ["vulnerabilityreports.aquasecurity.github.io", "networkpolicies.networking.k8s.io"],
      forbidProxy: true,
    });
    const { inventory, warnings } = await collectInventory(conn, { kubeletConfig: "proxy" });
    expect(warnings.map((w) => [w.kind, w.status])).toStrictEqual(
      expect.arrayContaining([
        ["vulnerabilityreports.aquasecurity.github.io", 403],
        ["networkpolicies.networking.k8s.io", 403],
      ]),
    );
    expect(warnings.find((w) => w.kind.startsWith("vulnerabilityreports"))?.reason).toMatch(
      /grant "list" on vulnerabilityreports.aquasecurity.github.io/,
    );
    expect(inventory.missing.vulnerabilityReports).toBeDefined();
    expect(inventory.missing.networkPolicies).toBeDefined();
    expect(inventory.workloads.length).toBeGreaterThan(10);
    expect(
      inventory.nodes.every((n) => n.kubelet.status === "unavailable" && /nodes\/proxy/.test(n.kubelet.reason)),
    ).toBe(true);
  });

  it("retries 429 (honouring Retry-After), 500 and dropped connections, then completes", async () => {
    for (const faults of [
      { tooManyRequests: { times: 3, retryAfterSeconds: 0 } },
      { serverErrors: { times: 3 } },
      { dropConnections: { times: 2 } },
    ] satisfies Faults[]) {
      const { conn } = await serve(faults);
      const { inventory, warnings } = await collectInventory(conn);
      expect(warnings, JSON.stringify(faults)).toStrictEqual([]);
      expect(inventory.namespaces.length).toBeGreaterThan(5);
    }
  });

  it("relists once when a continue token has expired (410), without duplicates", async () => {
    const { conn } = await serve({ expireContinue: { resource: "serviceaccounts", times: 1 } });
    const { inventory, warnings } = await collectInventory(conn, { pageSize: 3 });
    expect(warnings).toStrictEqual([]);
    const keys = inventory.serviceAccounts.map((s) => `${s.ref.namespace}/${s.ref.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(demoCluster(3).objects.filter((o) => o.kind === "ServiceAccount").length);
  });

  it("asks the API server once without credentials: a list answered means anonymous access; RBAC for the anonymous user decides", async () => {
    const open = structuredClone(demoCluster(3));
    open.anonymousAuth = true;
    const reader = clusterRole("ns-reader", [{ apiGroups: [""], resources: ["namespaces"], verbs: ["list"] }]);
    const cases: [string, ApiObject[], number][] = [
      ["anonymous auth on, nothing granted", [], 403],
      [
        "a RoleBinding grants only inside its namespace",
        [
          reader,
          {
            ...clusterRoleBinding("x", "ns-reader", [{ kind: "User", name: "system:anonymous" }]),
            kind: "RoleBinding",
            metadata: { name: "x", namespace: "shop" },
          },
        ],
        403,
      ],
      [
        "system:unauthenticated may list namespaces",
        [reader, clusterRoleBinding("open", "ns-reader", [{ kind: "Group", name: "system:unauthenticated" }])],
        200,
      ],
    ];
    for (const [label, extra, status] of cases) {
      const server = await createFakeApiServer({
        cluster: { ...open, objects: [...open.objects, ...extra] },
        tls,
        token: TOKEN,
      });
      servers.push(server);
      const conn = await connect(
        {
          type: "kubeconfig-text",
          text: kubeconfigFor({ name: "demo", server: server.url, caPem: tls.caPem, token: TOKEN }),
          origin: "test kubeconfig",
        },
        POLICY,
      );
      const { inventory } = await collectInventory(conn);
      expect(inventory.anonymousProbe?.status, label).toBe(status);
      const check = getCheck("node.anonymous-api-access")!.evaluate(inventory, contextWith());
      expect(check.status === "evaluated" && check.findings.length, label).toBe(status === 200 ? 1 : 0);
    }
    // The scanner's own credential still works as before, and a wrong one is refused even with anonymous auth on.
    const server = await createFakeApiServer({ cluster: open, tls, token: TOKEN });
    servers.push(server);
    const wrong = await connect(
      {
        type: "kubeconfig-text",
        text: kubeconfigFor({ name: "demo", server: server.url, caPem: tls.caPem, token: "wrong" }),
        origin: "test",
      },
      POLICY,
    );
    await expect(collectInventory(wrong)).rejects.toThrow(/401 Unauthorized/);
  });

  it("reads admission policies and Gateway API objects where served; an API the server does not serve (404) means none, a 403 names the grant", async () => {
    const { conn } = await serve();
    const { inventory, warnings } = await collectInventory(conn);
    expect(warnings).toStrictEqual([]);
    expect(inventory.admissionPolicyBindings).toStrictEqual([
      {
        ref: { kind: "ValidatingAdmissionPolicyBinding", namespace: "", name: "require-team-label" },
        policyName: "require-team-label",
        validationActions: ["Deny"],
      },
    ]);
    expect(inventory.policyEngines.map((p) => [p.ref.name, p.mode, p.imageVerification])).toStrictEqual([
      ["disallow-privileged", "enforce", null],
      ["verify-shop-images", null, "enforce"],
    ]);
    expect(inventory.admissionWebhooks.flatMap((w) => w.webhooks)).toStrictEqual([
      { name: "validate.kyverno.svc-fail", failurePolicy: "Fail", hasRules: true },
      { name: "validate.kyverno.svc-ignore", failurePolicy: "Ignore", hasRules: false },
    ]);
    expect(inventory.gateways.map((g) => [g.ref.name, g.listeners.map((l) => l.protocol), g.addresses])).toStrictEqual([
      ["public", ["HTTP", "HTTPS"], ["34.90.44.21"]],
    ]);
    expect(inventory.httpRoutes.map((r) => `${r.ref.namespace}/${r.ref.name}`)).toStrictEqual([
      "shop/shop-api",
      "shop/shop-api-http",
    ]);

    // Kubernetes 1.29 serves no ValidatingAdmissionPolicy: 404, so there are none, and no warning.
    const old = await createFakeApiServer({ cluster: demoCluster(1), tls, token: TOKEN });
    servers.push(old);
    const oldConn = await connect(
      {
        type: "kubeconfig-text",
        text: kubeconfigFor({ name: "demo", server: old.url, caPem: tls.caPem, token: TOKEN }),
        origin: "test kubeconfig",
      },
      POLICY,
    );
    const before = await collectInventory(oldConn);
    expect(before.warnings).toStrictEqual([]);
    expect(before.inventory.missing.admissionPolicies).toBeUndefined();
    expect(
      old.requests.some((r) => r.path.startsWith("/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies")),
    ).toBe(true);

    const { conn: denied } = await serve({ forbidden: ["validatingadmissionpolicies.admissionregistration.k8s.io"] });
    const forbidden = await collectInventory(denied);
    expect(forbidden.inventory.missing.admissionPolicies).toMatch(
      /^forbidden: grant "list" on validatingadmissionpolicies\.admissionregistration\.k8s\.io/,
    );
    const check = getCheck("pod.admission-policy-not-enforcing")!;
    expect(runChecks(forbidden.inventory, contextWith(), [check])[0]).toMatchObject({
      status: "not-evaluated",
      reason: expect.stringMatching(/^forbidden: grant "list" on validatingadmissionpolicies/),
    });
  });

  it("says why anonymous access was not judged when the unauthenticated request gets no answer", async () => {
    const { conn } = await serve();
    const silent = { ...conn, server: new URL("https://127.0.0.1:9") };
    expect(await probeAnonymous(silent, 500)).toMatchObject({
      reason: expect.stringMatching(
        /^the unauthenticated request to \/api\/v1\/namespaces\?limit=1 got no answer: cannot reach the API server/,
      ),
    });
  });

  it("fails clearly when the credentials are refused (401)", async () => {
    const { conn } = await serve({}, "another-token");
    await expect(collectInventory(conn)).rejects.toThrow(ClusterUnavailableError);
    await expect(collectInventory(conn)).rejects.toThrow(/401 Unauthorized/);
  });

  it("fails within the time limit when the API server hangs", async () => {
    const { conn } = await serve({ hang: true });
    const started = Date.now();
    await expect(collectInventory(conn, { requestTimeoutMs: 300, maxRetries: 1 })).rejects.toThrow(
      /cannot scan .*no answer within 300 ms/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses a server whose certificate is not signed by the kubeconfig's CA", async () => {
    const { server } = await serve();
    const other = await generateTls();
    const conn = await connect(
      {
        type: "kubeconfig-text",
        text: kubeconfigFor({ name: "demo", server: server.url, caPem: other.caPem, token: TOKEN }),
        origin: "test",
      },
      POLICY,
    );
    await expect(collectInventory(conn, { maxRetries: 0 })).rejects.toThrow(/cannot scan/);
  });
});

describe("connect", () => {
  const kubeconfig = (
    server: string,
    user: Record<string, unknown> = { token: "t" },
    extra: Record<string, unknown> = {},
  ) =>
    `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: ${server}\n${Object.entries(extra)
      .map(([k, v]) => `    ${k}: ${v}\n`)
      .join(
        "",
      )}users:\n- name: u\n  user: ${JSON.stringify(user)}\ncontexts:\n- name: ctx\n  context: {cluster: c, user: u}\ncurrent-context: ctx\n`;
  const text = (t: string) => ({ type: "kubeconfig-text" as const, text: t, origin: "upload" });

  it("refuses exec and auth-provider credentials of the operator's kubeconfig unless allowed, and of an upload always", async () => {
    const exec = kubeconfig("https://10.0.0.1:6443", {
      exec: { apiVersion: "client.authentication.k8s.io/v1", command: "aws", args: ["eks", "get-token"] },
    });
    const provider = kubeconfig("https://10.0.0.1:6443", { "auth-provider": { name: "gcp" } });
    const dir = mkdtempSync(path.join(tmpdir(), "bulwark-kubeconfig-"));
    try {
      writeFileSync(path.join(dir, "exec"), exec);
      writeFileSync(path.join(dir, "provider"), provider);
      await expect(connect({ type: "kubeconfig-file", path: path.join(dir, "exec") }, POLICY)).rejects.toThrow(
        /by running an exec command "aws".*BULWARK_ALLOW_KUBECONFIG_EXEC=true/,
      );
      await expect(connect({ type: "kubeconfig-file", path: path.join(dir, "provider") }, POLICY)).rejects.toThrow(
        KubeconfigError,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const allowed = { ...POLICY, allowExec: true };
    await expect(connect(text(exec), allowed)).rejects.toThrow(
      /user "u" sets "exec" \(a command Bulwark would run on its own host\)/,
    );
    await expect(connect(text(provider), allowed)).rejects.toThrow(/user "u" sets "auth-provider"/);
  });

  it("refuses link-local servers always, and loopback unless allowed", async () => {
    await expect(connect(text(kubeconfig("https://169.254.169.254")), POLICY)).rejects.toThrow(/link-local/);
    await expect(
      connect(text(kubeconfig("https://127.0.0.1:6443")), { allowExec: false, allowLoopback: false }),
    ).rejects.toThrow(/loopback/);
    await expect(connect(text(kubeconfig("http://10.0.0.1:8080")), POLICY)).rejects.toThrow(/only https/);
  });

  it("says which line of a malformed kubeconfig is wrong, and which contexts exist", async () => {
    await expect(connect(text("apiVersion: v1\nclusters:\n  - name: [oops\n"), POLICY)).rejects.toThrow(
      /^upload: line \d+: /,
    );
    await expect(connect({ ...text(kubeconfig("https://10.0.0.1:6443")), context: "prod" }, POLICY)).rejects.toThrow(
      /context "prod" not found \(available: ctx\)/,
    );
  });

  it("records insecure-skip-tls-verify as a warning", async () => {
    const conn = await connect(
      text(kubeconfig("https://10.0.0.1:6443", { token: "t" }, { "insecure-skip-tls-verify": true })),
      POLICY,
    );
    expect(conn.warnings).toStrictEqual(["insecure-skip-tls-verify is set: the API server's identity is not verified"]);
  });
});

describe("in-cluster service account", () => {
  it("reads the mounted token and CA and collects", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const server = await createFakeApiServer({ cluster: demoCluster(3), tls, token: TOKEN });
    servers.push(server);
    const root = mkdtempSync(path.join(tmpdir(), "bulwark-sa-"));
    const sa = path.join(root, "var/run/secrets/kubernetes.io/serviceaccount");
    mkdirSync(sa, { recursive: true });
    writeFileSync(path.join(sa, "token"), TOKEN);
    writeFileSync(path.join(sa, "ca.crt"), tls.caPem);
    writeFileSync(path.join(sa, "namespace"), "bulwark");
    const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };
    process.env.KUBERNETES_SERVICE_HOST = "127.0.0.1";
    process.env.KUBERNETES_SERVICE_PORT = String(server.port);
    try {
      const conn = await connect({ type: "in-cluster", root }, POLICY);
      const { inventory } = await collectInventory(conn);
      expect(inventory.namespaces.length).toBeGreaterThan(5);
      // In the cluster too, the anonymous probe goes over the pod's CA and carries nothing.
      expect(server.requests.filter((r) => r.auth !== `Bearer ${TOKEN}`).map((r) => [r.path, r.auth])).toStrictEqual([
        ["/api/v1/namespaces?limit=1", undefined],
      ]);
      expect(inventory.anonymousProbe?.status).toBe(401);
    } finally {
      process.env.KUBERNETES_SERVICE_HOST = saved.host;
      process.env.KUBERNETES_SERVICE_PORT = saved.port;
      if (saved.host === undefined) delete process.env.KUBERNETES_SERVICE_HOST;
      if (saved.port === undefined) delete process.env.KUBERNETES_SERVICE_PORT;
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("errors from the cluster", () => {
  it("never echo a response body that is not a Kubernetes Status", async () => {
    const { createServer } = await import("node:https");
    const proxy = createServer({ key: tls.keyPem, cert: tls.certPem }, (_req, res) => {
      res.writeHead(403, { "content-type": "text/html" });
      res.end("<html>internal-proxy-banner session=abc123</html>");
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    const port = (proxy.address() as { port: number }).port;
    try {
      const conn = await connect(
        {
          type: "kubeconfig-text",
          text: kubeconfigFor({ name: "p", server: `https://127.0.0.1:${port}`, caPem: tls.caPem, token: TOKEN }),
          origin: "t",
        },
        POLICY,
      );
      const error = await collectInventory(conn, { maxRetries: 0 }).catch((e: Error) => e);
      expect(String(error)).toMatch(/HTTP 403/);
      expect(String(error)).not.toContain("internal-proxy-banner");
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
  });
});

describe("testConnection", () => {
  it("reports the version and which resources are readable, naming the missing permission", async () => {
    const { testConnection } = await import("@/lib/k8s/test-connection");
    const server = await createFakeApiServer({
      cluster: demoCluster(3),
      tls,
      token: TOKEN,
      faults: { forbidden: ["secrets"] },
    });
    servers.push(server);
    const source = {
      type: "kubeconfig-text" as const,
      text: kubeconfigFor({ name: "demo", server: server.url, caPem: tls.caPem, token: TOKEN }),
      origin: "test",
    };
    const result = await testConnection(source, POLICY);
    expect(result).toMatchObject({ reachable: true, version: "v1.36.2" });
    if (!result.reachable) throw new Error("unreachable");
    expect(result.resources.find((r) => r.resource === "secrets")).toStrictEqual({
      resource: "secrets",
      readable: false,
      reason: 'forbidden: grant "list" on secrets',
    });
    expect(result.resources.find((r) => r.resource === "pods")).toStrictEqual({ resource: "pods", readable: true });
    const refused = await testConnection(
      { ...source, text: kubeconfigFor({ name: "demo", server: server.url, caPem: tls.caPem, token: "wrong" }) },
      POLICY,
    );
    expect(refused).toStrictEqual({
      reachable: false,
      error: "the API server refused the credentials (401 Unauthorized)",
    });
  });
});

describe("kubelet configuration", () => {
  it("is asked of each kubelet with the scanner's token, not through the API server's node proxy", async () => {
    const { server, conn } = await serve();
    const { inventory } = await collectInventory(conn);
    expect(inventory.nodes.map((n) => n.kubelet.status)).toStrictEqual(["read", "read", "read", "read"]);
    expect(server.requests.some((r) => r.path.includes("/proxy/"))).toBe(false);
    expect(server.kubeletRequests.map((r) => [r.node, r.path]).sort()).toStrictEqual([
      ["cp-1", "/configz"],
      ["worker-1", "/configz"],
      ["worker-2", "/configz"],
      ["worker-3", "/configz"],
    ]);
    expect(server.kubeletRequests.every((r) => r.auth === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("says which permission is missing when the kubelets refuse (nodes/configz), and never passes", async () => {
    const { server, conn } = await serve({ forbidConfigz: true });
    const { inventory } = await collectInventory(conn);
    expect(
      inventory.nodes.every(
        (n) =>
          n.kubelet.status === "unavailable" &&
          n.kubelet.reason ===
            'forbidden: reading kubelet configuration needs "get" on nodes/configz (Kubernetes 1.33+)',
      ),
    ).toBe(true);
    expect(server.kubeletRequests.length).toBeLessThan(inventory.nodes.length + 1);
  });

  it("sends no token to a kubelet whose certificate the cluster CA did not sign, and says how to fix it", async () => {
    const server = await createFakeApiServer({
      cluster: demoCluster(3),
      tls,
      token: TOKEN,
      kubeletTls: await generateTls(),
    });
    servers.push(server);
    const conn = await connect(
      {
        type: "kubeconfig-text",
        text: kubeconfigFor({ name: "demo", server: server.url, caPem: tls.caPem, token: TOKEN }),
        origin: "test kubeconfig",
      },
      POLICY,
    );
    const { inventory } = await collectInventory(conn);
    expect(
      inventory.nodes.every(
        (n) =>
          n.kubelet.status === "unavailable" &&
          /serving certificate is not one the cluster CA signed \([A-Z_]+\).*serverTLSBootstrap/.test(n.kubelet.reason),
      ),
    ).toBe(true);
    expect(server.kubeletRequests).toStrictEqual([]);
  });

  /** A cluster whose nodes name their kubelets as `server` says, scanned with a kubeconfig of `kubeconfig`'s making. */
  async function kubeletScan(
    server: Partial<Parameters<typeof createFakeApiServer>[0]>,
    kubeconfig: { caPem?: string | null; cluster?: Record<string, unknown> } = {},
    kubeletConfig?: "kubelet" | "proxy",
  ) {
    const fake = await createFakeApiServer({ cluster: demoCluster(3), tls, token: TOKEN, ...server });
    servers.push(fake);
    const conn = await connect(
      {
        type: "kubeconfig-text",
        text: kubeconfigFor({
          name: "demo",
          server: fake.url,
          caPem: server.tls?.caPem ?? tls.caPem,
          token: TOKEN,
          ...kubeconfig,
        }),
        origin: "test kubeconfig",
      },
      POLICY,
    );
    const { inventory } = await collectInventory(conn, { kubeletConfig });
    return { server: fake, kubelets: inventory.nodes.map((n) => n.kubelet) };
  }

  it.each(["2130706433", "0x7f.1", "127.1", "0x7f000001"])(
    "sends no token to a kubelet at InternalIP %s, which a URL reads as 127.0.0.1, and says why",
    async (address) => {
      const { server, kubelets } = await kubeletScan({ kubeletAddress: address });
      expect(kubelets).toHaveLength(4);
      for (const k of kubelets)
        expect(k).toMatchObject({
          status: "unavailable",
          reason: expect.stringContaining(`at ${address}: "${address}" is not an IP address as written`),
        });
      expect(server.kubeletRequests).toStrictEqual([]);
    },
  );

  it("holds the address policy on every request: an IP literal is judged as the URL parser read it", async () => {
    const { server, conn } = await serve();
    const spelled = {
      ...conn,
      server: new URL(`https://2130706433:${server.port}`),
      policy: { ...conn.policy, allowLoopback: false },
    };
    await expect(collectInventory(spelled)).rejects.toThrow(
      /127\.0\.0\.1 is a loopback address; set BULWARK_ALLOW_LOOPBACK_CLUSTERS=true/,
    );
    expect(server.requests).toStrictEqual([]);
  });

  it("sends no token to kubelets when the kubeconfig skips TLS verification, says what to set, and reads them through the API server when told to", async () => {
    const skipVerify = { caPem: null, cluster: { "insecure-skip-tls-verify": true } };
    const direct = await kubeletScan({ kubeletTls: await generateTls() }, skipVerify);
    expect(
      direct.kubelets.every(
        (k) =>
          k.status === "unavailable" &&
          /insecure-skip-tls-verify.*certificate-authority-data.*BULWARK_KUBELET_CONFIG=proxy/.test(k.reason),
      ),
    ).toBe(true);
    expect(direct.server.kubeletRequests).toStrictEqual([]);
    const proxied = await kubeletScan({}, skipVerify, "proxy");
    expect(proxied.kubelets.map((k) => k.status)).toStrictEqual(["read", "read", "read", "read"]);
    expect(proxied.server.requests.filter((r) => r.path.endsWith("/proxy/configz"))).toHaveLength(4);
    expect(proxied.server.kubeletRequests).toStrictEqual([]);
  });

  it("sends no token to a kubelet that only a publicly trusted CA vouches for, when the kubeconfig names no cluster CA", async () => {
    const publicCa = await generateTls();
    const roots = getCACertificates("default");
    // A public CA among the trusted roots vouches for the API server, and for whatever host a node names.
    setDefaultCACertificates([...roots, publicCa.caPem]);
    try {
      const { server, kubelets } = await kubeletScan({ tls: publicCa }, { caPem: null });
      expect(server.requests.length).toBeGreaterThan(0);
      expect(
        kubelets.every(
          (k) => k.status === "unavailable" && /names no cluster CA.*certificate-authority-data/.test(k.reason),
        ),
      ).toBe(true);
      expect(server.kubeletRequests).toStrictEqual([]);
    } finally {
      setDefaultCACertificates(roots);
    }
  });

  it("checks a kubelet's certificate against its own address, not the API server's tls-server-name", async () => {
    // The cluster CA signed a certificate for the API server's name only; a kubelet presents it.
    const apiOnly = await generateTls(["api.cluster.internal"]);
    const { server, kubelets } = await kubeletScan(
      { tls: apiOnly },
      { cluster: { "tls-server-name": "api.cluster.internal" } },
    );
    expect(server.requests.length).toBeGreaterThan(0);
    expect(kubelets.every((k) => k.status === "unavailable" && /\(ERR_TLS_CERT_ALTNAME_INVALID\)/.test(k.reason))).toBe(
      true,
    );
    expect(server.kubeletRequests).toStrictEqual([]);
  });

  it("reads nothing with BULWARK_KUBELET_CONFIG=off, and says so", async () => {
    const { server, conn } = await serve();
    const { inventory } = await collectInventory(conn, { kubeletConfig: "off" });
    expect(
      inventory.nodes.every(
        (n) => n.kubelet.status === "unavailable" && /BULWARK_KUBELET_CONFIG=off/.test(n.kubelet.reason),
      ),
    ).toBe(true);
    expect(server.kubeletRequests).toStrictEqual([]);
  });
});

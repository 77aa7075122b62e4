import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZConnectionTest } from "@/lib/contracts/clusters";
import { dataOf } from "@/lib/contracts/envelope";
import { demoCluster } from "@/lib/fake-api-server/clusters/demo";
import { createFakeApiServer, type FakeApiServer } from "@/lib/fake-api-server/create-fake-api-server";
import { generateTls, type TlsMaterial } from "@/lib/fake-api-server/generate-tls";

import { expectJson, expectProblem } from "../helpers/parse-response";

// The operator lets their own kubeconfig run exec plugins; read when the modules load.
process.env.BULWARK_ALLOW_KUBECONFIG_EXEC = "true";

let m: {
  auth: typeof import("../helpers/auth");
  clusters: typeof import("@/app/api/clusters/route");
  connectionTest: typeof import("@/app/api/clusters/[id]/connection-test/route");
  createCluster: typeof import("@/lib/db/clusters/create-cluster").createCluster;
  sealKubeconfig: typeof import("@/lib/crypto/seal-secret").sealKubeconfig;
  prisma: ReturnType<typeof import("@/lib/db/client").getPrisma>;
};
let tls: TlsMaterial;
let evil: FakeApiServer;
let cookie: string;
let dir: string;
let stolen: string;

beforeAll(async () => {
  m = {
    auth: await import("../helpers/auth"),
    clusters: await import("@/app/api/clusters/route"),
    connectionTest: await import("@/app/api/clusters/[id]/connection-test/route"),
    createCluster: (await import("@/lib/db/clusters/create-cluster")).createCluster,
    sealKubeconfig: (await import("@/lib/crypto/seal-secret")).sealKubeconfig,
    prisma: (await import("@/lib/db/client")).getPrisma(),
  };
  tls = await generateTls();
  evil = await createFakeApiServer({ cluster: demoCluster(3), tls, token: "stolen" });
  cookie = (await m.auth.signIn((await m.auth.makeUser("admin")).email)).cookie;
  dir = mkdtempSync(path.join(tmpdir(), "bulwark-exec-"));
  stolen = path.join(dir, "stolen");
});
afterAll(async () => {
  await evil.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An uploaded kubeconfig whose user is `user` (exec or auth-provider), for the attacker's server. */
const kubeconfig = (user: Record<string, unknown>) =>
  JSON.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name: "c",
        cluster: { server: evil.url, "certificate-authority-data": Buffer.from(tls.caPem).toString("base64") },
      },
    ],
    users: [{ name: "u", user }],
    contexts: [{ name: "ctx", context: { cluster: "c", user: "u" } }],
    "current-context": "ctx",
  });

// The command copies the worker's encryption key out, then answers with a token.
const credential = JSON.stringify({
  apiVersion: "client.authentication.k8s.io/v1",
  kind: "ExecCredential",
  status: { token: "stolen" },
});
const execUser = () => ({
  exec: {
    apiVersion: "client.authentication.k8s.io/v1",
    command: "/bin/sh",
    args: ["-c", `printf %s "$BULWARK_SECRET_KEY" > '${stolen}'; printf '%s' '${credential}'`],
    interactiveMode: "Never",
  },
});

describe("an uploaded kubeconfig never runs a command, even with BULWARK_ALLOW_KUBECONFIG_EXEC=true", () => {
  it.each([
    ["exec", execUser],
    [
      "auth-provider",
      () => ({
        "auth-provider": { name: "oidc", config: { "id-token": "x", "idp-issuer-url": "https://issuer.invalid" } },
      }),
    ],
  ])("refuses %s at upload with a 422 naming the field, runs nothing and stores nothing", async (field, user) => {
    const name = `cmd-${field}-${Date.now()}`;
    const before = evil.requests.length;
    const res = await m.auth.call(m.clusters.POST, {
      method: "POST",
      headers: { cookie, origin: m.auth.APP },
      body: { source: "kubeconfig_upload", name, kubeconfig: kubeconfig(user()) },
    });
    expect(res.status).toBe(422);
    expect((await expectProblem(res)).detail).toContain(`user "u" sets "${field}"`);
    expect(existsSync(stolen)).toBe(false);
    expect(evil.requests.length).toBe(before);
    expect(await m.prisma.cluster.count({ where: { name } })).toBe(0);
  });

  it("an upload with exec stored before this rule is refused at the connection test, before the command runs", async () => {
    const { id } = await m.createCluster({
      name: `stored-exec-${Date.now()}`,
      source: "kubeconfig_upload",
      kubeconfigSealed: m.sealKubeconfig(kubeconfig(execUser())),
    });
    const before = evil.requests.length;
    const res = await m.auth.call(m.connectionTest.POST, {
      method: "POST",
      headers: { cookie, origin: m.auth.APP },
      params: { id },
    });
    expect(res.status).toBe(200);
    const { data } = await expectJson(res, dataOf(ZConnectionTest));
    expect(data).toMatchObject({ reachable: false, error: expect.stringContaining('sets "exec"') });
    expect(existsSync(stolen)).toBe(false);
    expect(evil.requests.length).toBe(before);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as connectionTest } from "@/app/api/clusters/[id]/connection-test/route";
import { POST as createClusterRoute } from "@/app/api/clusters/route";
import { ZConnectionTest } from "@/lib/contracts/clusters";
import { dataOf } from "@/lib/contracts/envelope";
import { sealKubeconfig } from "@/lib/crypto/seal-secret";
import { getPrisma } from "@/lib/db/client";
import { createCluster } from "@/lib/db/clusters/create-cluster";
import { demoCluster } from "@/lib/fake-api-server/clusters/demo";
import { createFakeApiServer, type FakeApiServer } from "@/lib/fake-api-server/create-fake-api-server";
import { generateTls, type TlsMaterial } from "@/lib/fake-api-server/generate-tls";

import { APP, call, makeUser, signIn } from "../helpers/auth";
import { expectJson, expectProblem } from "../helpers/parse-response";

// The attacker's "cluster": it records every request and the credentials sent with it.
let tls: TlsMaterial;
let evil: FakeApiServer;
let cookie: string;
let dir: string;
let secretFile: string;
const SECRET = "bulwark-host-secret-do-not-send-0123456789";

beforeAll(async () => {
  tls = await generateTls();
  evil = await createFakeApiServer({ cluster: demoCluster(3), tls, token: "anything" });
  cookie = (await signIn((await makeUser("admin")).email)).cookie;
  dir = mkdtempSync(path.join(tmpdir(), "bulwark-host-"));
  secretFile = path.join(dir, "auth.secret");
  writeFileSync(secretFile, SECRET);
});
afterAll(async () => {
  await evil.close();
  rmSync(dir, { recursive: true, force: true });
});

const ca = () => Buffer.from(tls.caPem).toString("base64");
/** A kubeconfig whose user and cluster entries are given as YAML flow maps. */
const kubeconfig = (user: string, cluster = `{server: "${evil.url}", certificate-authority-data: ${ca()}}`) =>
  `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: ${cluster}\nusers:\n- name: u\n  user: ${user}\ncontexts:\n- name: ctx\n  context: {cluster: c, user: u}\ncurrent-context: ctx\n`;

const upload = (name: string, text: string) =>
  call(createClusterRoute, {
    method: "POST",
    headers: { cookie, origin: APP },
    body: { source: "kubeconfig_upload", name, kubeconfig: text },
  });

describe("an uploaded kubeconfig cannot make Bulwark read its own files", () => {
  it.each([
    ["token-file", `{token-file: "${"SECRET_FILE"}"}`, undefined],
    ["client-certificate", `{client-certificate: "SECRET_FILE", client-key-data: a2V5}`, undefined],
    ["client-key", `{client-certificate-data: Y2VydA==, client-key: "SECRET_FILE"}`, undefined],
    ["certificate-authority", `{token: t}`, `{server: "EVIL", certificate-authority: "SECRET_FILE"}`],
    ["tokenFile", `{auth-provider: {name: x, config: {tokenFile: "SECRET_FILE"}}}`, undefined],
  ])("refuses %s at upload with a message naming the field, and sends nothing", async (field, user, cluster) => {
    const fill = (s: string) => s.replaceAll("SECRET_FILE", secretFile).replaceAll("EVIL", evil.url);
    const before = evil.requests.length;
    const res = await upload(
      `file-${field.toLowerCase()}-${Date.now()}`,
      kubeconfig(fill(user), cluster && fill(cluster)),
    );
    expect(res.status).toBe(422);
    const { detail } = await expectProblem(res);
    expect(detail).toContain(`"${field}"`);
    expect(detail).toMatch(/inline/);
    expect(evil.requests.length).toBe(before);
    expect(await getPrisma().cluster.count({ where: { name: { startsWith: `file-${field.toLowerCase()}` } } })).toBe(0);
  });

  it("gives the same answer whether the named file exists or not", async () => {
    const exists = await upload(`probe-a-${Date.now()}`, kubeconfig(`{token-file: "${secretFile}"}`));
    const missing = await upload(`probe-b-${Date.now()}`, kubeconfig(`{token-file: "${secretFile}.nope"}`));
    const strip = (d: string) => d.replace(/"[^"]*auth\.secret[^"]*"/g, "");
    expect(strip((await expectProblem(exists)).detail)).toBe(strip((await expectProblem(missing)).detail));
  });

  it("sees a file path smuggled in through a YAML merge key", async () => {
    const text = `apiVersion: v1\nkind: Config\nbase: &base {token-file: "${secretFile}"}\nclusters:\n- name: c\n  cluster: {server: "${evil.url}", certificate-authority-data: ${ca()}}\nusers:\n- name: u\n  user: {<<: *base}\ncontexts:\n- name: ctx\n  context: {cluster: c, user: u}\ncurrent-context: ctx\n`;
    const before = evil.requests.length;
    const res = await upload(`merge-${Date.now()}`, text);
    expect(res.status).toBe(422);
    expect((await expectProblem(res)).detail).toContain('"token-file"');
    expect(evil.requests.length).toBe(before);
  });

  it("a kubeconfig stored before this rule is refused at the connection test, before any request", async () => {
    const { id } = await createCluster({
      name: `stored-${Date.now()}`,
      source: "kubeconfig_upload",
      kubeconfigSealed: sealKubeconfig(kubeconfig(`{token-file: "${secretFile}"}`)),
    });
    const before = evil.requests.length;
    const res = await call(connectionTest, { method: "POST", headers: { cookie, origin: APP }, params: { id } });
    expect(res.status).toBe(200);
    const { data } = await expectJson(res, dataOf(ZConnectionTest));
    expect(data).toMatchObject({ reachable: false, error: expect.stringContaining('"token-file"') });
    expect(evil.requests.length).toBe(before);
    expect(JSON.stringify(evil.requests)).not.toContain(SECRET);
  });

  it("still accepts inline credentials", async () => {
    const res = await upload(`inline-${Date.now()}`, kubeconfig(`{token: inline-token}`));
    expect(res.status).toBe(201);
  });
});

import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

import { POST as scanNow } from "@/app/api/clusters/[id]/scans/route";
import { GET as listClusters } from "@/app/api/clusters/route";
import { POST as approveRoute } from "@/app/api/suppressions/[id]/approve/route";
import { PATCH as changeRoute, DELETE as revokeRoute } from "@/app/api/suppressions/[id]/route";
import { POST as proposeRoute } from "@/app/api/suppressions/route";
import { POST as createToken } from "@/app/api/tokens/route";
import { ZApprovalCreated } from "@/lib/contracts/approvals";
import { ZTokenIssued } from "@/lib/contracts/tokens";
import { getPrisma } from "@/lib/db/client";

import { APP, call, makeUser, signIn } from "../helpers/auth";
import { expectJson, expectProblem } from "../helpers/parse-response";

let findingId = "";
let author = "";
let tokens: Record<"read" | "scan" | "both", string>;

beforeAll(async () => {
  const prisma = getPrisma();
  const cluster = await prisma.cluster.create({
    data: { name: `scopes-${randomUUID().slice(0, 8)}`, source: "kubeconfig_context", contextName: "x" },
  });
  const finding = await prisma.finding.create({
    data: {
      clusterId: cluster.id,
      fingerprint: "scopes",
      checkId: "container.image-tag-latest",
      layer: "container",
      severity: "high",
      resourceKind: "Deployment",
      namespace: "shop",
      resourceName: "web",
      container: "c",
      message: "latest",
      firstSeq: 1,
      firstSeenAt: new Date(),
    },
  });
  findingId = String(finding.id);
  author = (await signIn((await makeUser("analyst", "author")).email)).cookie;
  // An admin's tokens: the owner's role never limits what is tried below, only the scope does.
  const admin = (await signIn((await makeUser("admin", "automation")).email)).cookie;
  const issue = async (scopes: string[]) =>
    (
      await expectJson(
        await call(createToken, {
          method: "POST",
          headers: { cookie: admin, origin: APP },
          body: { name: scopes.join("+"), scopes },
        }),
        ZTokenIssued,
      )
    ).token;
  tokens = { read: await issue(["read"]), scan: await issue(["scan"]), both: await issue(["read", "scan"]) };
});

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
async function pendingRisk(): Promise<string> {
  const res = await call(proposeRoute, {
    method: "POST",
    headers: { cookie: author, origin: APP },
    body: {
      findingId,
      scope: "resource",
      reason: "Pending until the vendor ships a fix",
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  const { id, status } = await expectJson(res, ZApprovalCreated);
  expect(status).toBe("pending");
  return id;
}

describe("an API token can do exactly what its scopes say", () => {
  it.each(["scan", "both"] as const)(
    "a %s-scoped token cannot approve, change or revoke an accepted risk",
    async (scope) => {
      const id = await pendingRisk();
      for (const res of [
        await call(approveRoute, { method: "POST", headers: bearer(tokens[scope]), params: { id } }),
        await call(changeRoute, {
          method: "PATCH",
          headers: bearer(tokens[scope]),
          params: { id },
          body: { reason: "Changed by a script, not a person" },
        }),
        await call(revokeRoute, { method: "DELETE", headers: bearer(tokens[scope]), params: { id } }),
        await call(proposeRoute, {
          method: "POST",
          headers: bearer(tokens[scope]),
          body: {
            findingId,
            scope: "cluster",
            reason: "Proposed by a script, not a person",
            expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        }),
      ]) {
        expect(res.status).toBe(403);
        expect((await expectProblem(res)).detail).toMatch(/API tokens cannot do this/);
      }
      expect((await getPrisma().suppression.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    },
  );

  it("scan requests a scan, read reads, and neither does the other's job", async () => {
    // An unknown cluster: past authorization, the route answers 404.
    expect(
      (await call(scanNow, { method: "POST", headers: bearer(tokens.scan), params: { id: "no-such-cluster" } })).status,
    ).toBe(404);
    expect(
      (await call(scanNow, { method: "POST", headers: bearer(tokens.read), params: { id: "no-such-cluster" } })).status,
    ).toBe(403);
    expect((await call(listClusters, { headers: bearer(tokens.read) })).status).toBe(200);
    const scanReads = await call(listClusters, { headers: bearer(tokens.scan) });
    expect(scanReads.status).toBe(403);
    expect((await expectProblem(scanReads)).detail).toMatch(/read scope/);
    expect((await call(listClusters, { headers: bearer(tokens.both) })).status).toBe(200);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { POST as approveAttestation } from "@/app/api/attestations/[id]/approve/route";
import { DELETE as revokeAttestation } from "@/app/api/attestations/[id]/route";
import { POST as createAttestation, GET as listAttestations } from "@/app/api/attestations/route";
import { GET as clusterPosture } from "@/app/api/clusters/[id]/posture/route";
import { GET as clusterDetail } from "@/app/api/clusters/[id]/route";
import { GET as frameworkCsv } from "@/app/api/frameworks/[id]/export.csv/route";
import { GET as snapshotDetail } from "@/app/api/snapshots/[id]/route";
import { ZApprovalCreated } from "@/lib/contracts/approvals";
import { dataOf } from "@/lib/contracts/envelope";
import { ZAttestationSummary } from "@/lib/contracts/frameworks";
import { createCluster } from "@/lib/db/clusters/create-cluster";

import { APP, call, makeUser, signIn } from "../helpers/auth";
import { expectJson, expectProblem } from "../helpers/parse-response";

type Init = Parameters<typeof call>[1];
let headers: Record<string, string> = {};
let clusterId = "";
const inFiveDays = () => new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
const attestation = (over: Record<string, string>) => ({
  frameworkId: "cis-kubernetes",
  controlId: "1.2.28",
  clusterId,
  note: "Evidence: the audit log policy file",
  expiresAt: inFiveDays(),
  ...over,
});

beforeAll(async () => {
  headers = { cookie: (await signIn((await makeUser("analyst", "nul-input")).email)).cookie, origin: APP };
  clusterId = (await createCluster({ name: `nul-input-${Date.now()}`, source: "demo", isDemo: true })).id;
});

describe("a NUL character in an id, a filter or a note answers 400, not 500", () => {
  const cases: [string, Parameters<typeof call>[0], () => Init][] = [
    [
      "in an attestation's note",
      createAttestation,
      () => ({ method: "POST", body: attestation({ note: "Evidence here \u0000 and more" }) }),
    ],
    [
      "in an attestation's cluster",
      createAttestation,
      () => ({ method: "POST", body: attestation({ clusterId: "a\u0000b" }) }),
    ],
    [
      "in an attestation's control",
      createAttestation,
      () => ({ method: "POST", body: attestation({ controlId: "1.2\u0000" }) }),
    ],
    [
      "in the attestation list's framework filter",
      listAttestations,
      () => ({ path: "/api/attestations?framework=a%00b" }),
    ],
    ["in the attestation list's control filter", listAttestations, () => ({ path: "/api/attestations?control=%00" })],
    ["in the attestation to revoke", revokeAttestation, () => ({ method: "DELETE", params: { id: "a\u0000b" } })],
    ["in the attestation to approve", approveAttestation, () => ({ method: "POST", params: { id: "a\u0000b" } })],
    [
      "in the framework export's cluster",
      frameworkCsv,
      () => ({ path: "/api/frameworks/cis-kubernetes/export.csv?cluster=a%00b", params: { id: "cis-kubernetes" } }),
    ],
    [
      "in the framework export's snapshot",
      frameworkCsv,
      () => ({
        path: `/api/frameworks/cis-kubernetes/export.csv?cluster=${clusterId}&snapshot=a%00b`,
        params: { id: "cis-kubernetes" },
      }),
    ],
    ["in a cluster's posture", clusterPosture, () => ({ params: { id: "a\u0000b" } })],
    ["in a cluster's detail", clusterDetail, () => ({ params: { id: "a\u0000b" } })],
    ["in a snapshot's detail", snapshotDetail, () => ({ params: { id: "a\u0000b" } })],
  ];
  it.each(cases)("%s", async (_what, handler, init) => {
    const request = init();
    const res = await call(handler, { ...request, headers });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    await expectProblem(res);
  });

  it("a note keeps its line breaks", async () => {
    const note = "Evidence:\n- the audit policy file\r\n- its\tretention";
    const res = await call(createAttestation, { method: "POST", headers, body: attestation({ note }) });
    expect(res.status).toBe(201);
    const { id } = await expectJson(res, ZApprovalCreated);
    const list = await expectJson(
      await call(listAttestations, { path: "/api/attestations?framework=cis-kubernetes", headers }),
      dataOf(z.array(ZAttestationSummary)),
    );
    expect(list.data.find((a) => a.id === id)?.note).toBe(note);
  });
});

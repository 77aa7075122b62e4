import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";

import { ZApprovalView } from "@/lib/contracts/approvals";
import { ZAuditEventRow } from "@/lib/contracts/audit";
import { ZCheckSummary } from "@/lib/contracts/checks";
import { ZClusterSummary } from "@/lib/contracts/clusters";
import { ZFindingDetail, ZFindingRow } from "@/lib/contracts/findings";
import { ZAttestationSummary } from "@/lib/contracts/frameworks";
import { ZProblem } from "@/lib/contracts/problem";
import { ZClusterPosture, ZLayerScoreSummary } from "@/lib/contracts/scores";
import { ZSnapshotDetail } from "@/lib/contracts/snapshots";
import { ZSuppressionSummary } from "@/lib/contracts/suppressions";
import { ZTokenSummary } from "@/lib/contracts/tokens";
import { ZUserSummary } from "@/lib/contracts/users";
import pkg from "@/package.json";

import { toOpenApi } from "./operation";
import { OPERATIONS } from "./operations";

function paths(): ZodOpenApiPathsObject {
  const out: ZodOpenApiPathsObject = {};
  for (const op of OPERATIONS) {
    const method = op.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
    out[op.path] = { ...out[op.path], [method]: toOpenApi(op) };
  }
  return out;
}

function build() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Bulwark API",
      version: pkg.version,
      description:
        "Kubernetes security posture: clusters, scans, findings, accepted risks, frameworks, settings. " +
        "Every answer carries `Cache-Control: no-store` and `X-Request-Id`; every error is RFC 9457 problem+json. " +
        "A session cookie, or `Authorization: Bearer bwk_…` with an API token's scopes (`read` reads as a viewer, `scan` requests scans; a token never exceeds its owner's role). " +
        "Requests that change state with a session cookie must come from Bulwark's own pages (`Origin`).",
    },
    components: {
      // Named once and referenced wherever the same schema appears.
      schemas: {
        Problem: ZProblem,
        ClusterSummary: ZClusterSummary,
        ClusterPosture: ZClusterPosture,
        LayerScore: ZLayerScoreSummary,
        SnapshotDetail: ZSnapshotDetail,
        Finding: ZFindingRow,
        FindingDetail: ZFindingDetail,
        Check: ZCheckSummary,
        AcceptedRisk: ZSuppressionSummary,
        Attestation: ZAttestationSummary,
        Approval: ZApprovalView,
        AuditEvent: ZAuditEventRow,
        ApiToken: ZTokenSummary,
        User: ZUserSummary,
      },
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "bulwark.session_token",
          description:
            "The sign-in session (`__Secure-bulwark.session_token` over HTTPS), set by `POST /api/auth/sign-in/email`.",
        },
        apiToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token (`bwk_…`) from Settings → API tokens; the operation lists the scopes it needs.",
        },
      },
    },
    paths: paths(),
  });
}

let document: ReturnType<typeof build> | undefined;

/** The OpenAPI 3.1 document, generated once from the zod schemas the routes enforce. */
export function openApiDocument(): ReturnType<typeof build> {
  return (document ??= build());
}

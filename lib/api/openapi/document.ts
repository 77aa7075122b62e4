import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";

import pkg from "@/package.json";

import { ZApprovalView } from "../schemas/approvals";
import { ZAuditEventRow } from "../schemas/audit";
import { ZCheckSummary } from "../schemas/checks";
import { ZClusterSummary } from "../schemas/clusters";
import { ZFindingDetail, ZFindingRow } from "../schemas/findings";
import { ZAttestationSummary } from "../schemas/frameworks";
import { ZProblem } from "../schemas/problem";
import { ZClusterPosture, ZLayerScoreSummary } from "../schemas/scores";
import { ZSnapshotDetail } from "../schemas/snapshots";
import { ZSuppressionSummary } from "../schemas/suppressions";
import { ZTokenSummary } from "../schemas/tokens";
import { ZUserSummary } from "../schemas/users";
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

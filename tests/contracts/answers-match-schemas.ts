/**
 * Checked by `tsc --noEmit`: what the functions behind the routes return, once sent as JSON, is
 * exactly what the response schemas say (both ways), so a query rewritten with another shape
 * fails to compile before a route test parses its answer. Types only: nothing here runs.
 */
import type { z } from "zod";

import type { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import type { createAttestation } from "@/lib/attestations/create-attestation";
import type { registerCluster } from "@/lib/clusters/register-cluster";
import type { testClusterConnection } from "@/lib/clusters/test-cluster-connection";
import type { ZApprovalCreated } from "@/lib/contracts/approvals";
import type { ZClusterCreated, ZConnectionTest } from "@/lib/contracts/clusters";
import type { ZFindingDetail } from "@/lib/contracts/findings";
import type { ZDelivery } from "@/lib/contracts/notifications";
import type { ZSuppressionChanged } from "@/lib/contracts/suppressions";
import type { ZTokenIssued, ZTokenSummary } from "@/lib/contracts/tokens";
import type { ZInviteLink, ZUserAccess, ZUserInvited } from "@/lib/contracts/users";
import type { listApiTokens } from "@/lib/db/api-tokens/api-tokens";
import type { getFindingOrThrow } from "@/lib/db/findings/get-finding-or-throw";
import type { deliverWebhook } from "@/lib/notify/deliver-webhook";
import type { changeSuppression } from "@/lib/suppressions/change-suppression";
import type { proposeSuppression } from "@/lib/suppressions/propose-suppression";
import type { inviteUser } from "@/lib/users/invite-user";
import type { reissueInvite } from "@/lib/users/reissue-invite";
import type { updateUser } from "@/lib/users/update-user";

/** What JSON.stringify makes of a value: dates become strings. */
type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;
type Sent<F extends (...args: never[]) => Promise<unknown>> = Json<Awaited<ReturnType<F>>>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Answer<S extends z.ZodType> = z.output<S>;

export const answersMatchSchemas: [
  Same<Sent<typeof registerCluster>, Answer<typeof ZClusterCreated>>,
  Same<Sent<typeof testClusterConnection>, Answer<typeof ZConnectionTest>>,
  Same<Sent<typeof getFindingOrThrow>, Answer<typeof ZFindingDetail>>,
  Same<Sent<typeof createAttestation>, Answer<typeof ZApprovalCreated>>,
  Same<Sent<typeof proposeSuppression>, Answer<typeof ZApprovalCreated>>,
  Same<Sent<typeof changeSuppression>, Answer<typeof ZSuppressionChanged>>,
  Same<Sent<typeof deliverWebhook>, Answer<typeof ZDelivery>>,
  Same<Sent<typeof issueApiToken>, Answer<typeof ZTokenIssued>>,
  Same<Sent<typeof listApiTokens>, Answer<typeof ZTokenSummary>[]>,
  Same<Sent<typeof inviteUser>, Answer<typeof ZUserInvited>>,
  Same<Sent<typeof reissueInvite>, Answer<typeof ZInviteLink>>,
  Same<Sent<typeof updateUser>, Answer<typeof ZUserAccess>>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];

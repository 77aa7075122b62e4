import { ZApprovalCreated } from "@/lib/contracts/approvals";
import { dataOf, ZApproved } from "@/lib/contracts/envelope";
import {
  ZSuppressionChanged,
  ZSuppressionCreateRequest,
  ZSuppressionListQuery,
  ZSuppressionPage,
  ZSuppressionParams,
  ZSuppressionUpdateRequest,
} from "@/lib/contracts/suppressions";

import { json, noContent, type Operation } from "../operation";

const tag = "accepted risks";

export const SUPPRESSION_OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/api/suppressions",
    tag,
    summary: "Accepted risks, a page at a time",
    description:
      "Newest first, each with its status, author, approver, expiry and the open findings it covers now; `total` counts them all.",
    role: "viewer",
    query: ZSuppressionListQuery,
    responses: { "200": json("A page of accepted risks.", ZSuppressionPage) },
  },
  {
    method: "POST",
    path: "/api/suppressions",
    tag,
    summary: "Propose an accepted risk from a finding",
    description:
      "Critical and high wait for a second person (`pending`); an active one re-scores the cluster's latest snapshot at once.",
    role: "analyst",
    body: ZSuppressionCreateRequest,
    responses: { "201": json("Proposed.", ZApprovalCreated) },
  },
  {
    method: "PATCH",
    path: "/api/suppressions/{id}",
    tag,
    summary: "Change the reason or expiry",
    description: "A critical or high one goes back for approval.",
    role: "analyst",
    params: ZSuppressionParams,
    body: ZSuppressionUpdateRequest,
    responses: { "200": json("Its status after the change.", dataOf(ZSuppressionChanged)) },
  },
  {
    method: "DELETE",
    path: "/api/suppressions/{id}",
    tag,
    summary: "Revoke an accepted risk",
    role: "analyst",
    params: ZSuppressionParams,
    responses: { "204": noContent("Revoked: its findings count again at once.") },
  },
  {
    method: "POST",
    path: "/api/suppressions/{id}/approve",
    tag,
    summary: "Approve (not the author, nor whoever changed it last)",
    role: "analyst",
    params: ZSuppressionParams,
    responses: { "200": json("Active.", ZApproved) },
  },
];

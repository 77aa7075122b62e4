import { z } from "zod";

import { ZApprovalCreated } from "@/lib/contracts/approvals";
import { dataOf, ZApproved } from "@/lib/contracts/envelope";
import {
  ZFindingDetail,
  ZFindingFilters,
  ZFindingListQuery,
  ZFindingPage,
  ZFindingParams,
} from "@/lib/contracts/findings";
import {
  ZAttestationCreateRequest,
  ZAttestationListQuery,
  ZAttestationParams,
  ZAttestationSummary,
  ZFrameworkExportQuery,
  ZFrameworkParams,
} from "@/lib/contracts/frameworks";

import { csv, json, noContent, type Operation } from "../operation";

export const FINDING_OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/api/findings",
    tag: "findings",
    summary: "One keyset page of findings",
    description:
      "The findings browser's filters (the same as its address and the CSV export); `cursor` or `before` pages on.",
    role: "viewer",
    query: ZFindingListQuery,
    responses: { "200": json("The page.", ZFindingPage) },
  },
  {
    method: "GET",
    path: "/api/findings/{id}",
    tag: "findings",
    summary: "One finding with its history across snapshots",
    role: "viewer",
    params: ZFindingParams,
    responses: { "200": json("The finding.", dataOf(ZFindingDetail)) },
  },
  {
    method: "GET",
    path: "/api/findings/export.csv",
    tag: "findings",
    summary: "The matching findings as a streamed CSV file (audited)",
    description: "Cells that a spreadsheet would run as a formula get a leading quote.",
    role: "analyst",
    query: ZFindingFilters,
    responses: { "200": csv("The CSV file.") },
  },
  {
    method: "GET",
    path: "/api/frameworks/{id}/export.csv",
    tag: "frameworks",
    summary: "One framework's controls in one cluster's snapshot as CSV (audited)",
    description: "The cluster's latest completed snapshot unless `snapshot` names one of its snapshots.",
    role: "analyst",
    params: ZFrameworkParams,
    query: ZFrameworkExportQuery,
    responses: { "200": csv("The CSV file.") },
  },
  {
    method: "GET",
    path: "/api/attestations",
    tag: "frameworks",
    summary: "Attestations of manual controls, newest first",
    role: "viewer",
    query: ZAttestationListQuery,
    responses: { "200": json("The attestations.", dataOf(z.array(ZAttestationSummary))) },
  },
  {
    method: "POST",
    path: "/api/attestations",
    tag: "frameworks",
    summary: "Attest a manual control on a cluster",
    description: "Critical controls wait for a second person (`pending`); counted from the next snapshot.",
    role: "analyst",
    body: ZAttestationCreateRequest,
    responses: { "201": json("Attested, or waiting for approval.", ZApprovalCreated) },
  },
  {
    method: "DELETE",
    path: "/api/attestations/{id}",
    tag: "frameworks",
    summary: "Revoke an attestation",
    role: "analyst",
    params: ZAttestationParams,
    responses: { "204": noContent("Revoked: the control is no longer attested from the next snapshot.") },
  },
  {
    method: "POST",
    path: "/api/attestations/{id}/approve",
    tag: "frameworks",
    summary: "Approve an attestation of a critical control (not its author)",
    role: "analyst",
    params: ZAttestationParams,
    responses: { "200": json("Active.", ZApproved) },
  },
];

import { z } from "zod";

import { ZAuditFilters, ZAuditPage } from "@/lib/contracts/audit";
import { dataOf } from "@/lib/contracts/envelope";
import {
  ZDelivery,
  ZNotificationSaved,
  ZNotificationSettingsView,
  ZNotificationUpdate,
} from "@/lib/contracts/notifications";
import { ZCheckSettingsUpdate, ZCheckSettingsView } from "@/lib/contracts/settings";
import { ZTokenCreateRequest, ZTokenIssued, ZTokenParams, ZTokenSummary } from "@/lib/contracts/tokens";
import {
  ZInviteLink,
  ZUserAccess,
  ZUserInvited,
  ZUserInviteRequest,
  ZUserParams,
  ZUserSummary,
  ZUserUpdateRequest,
} from "@/lib/contracts/users";

import { csv, json, noContent, type Operation } from "../operation";

export const ADMIN_OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/api/audit",
    tag: "audit",
    summary: "The audit log, newest first",
    role: "admin",
    query: ZAuditFilters,
    responses: { "200": json("One page.", ZAuditPage) },
  },
  {
    method: "GET",
    path: "/api/audit/export.csv",
    tag: "audit",
    summary: "The audit log as a streamed CSV file",
    description: "The export is audited first, so a file whose filters cover it ends with its own export.",
    role: "admin",
    query: ZAuditFilters,
    responses: { "200": csv("The CSV file.") },
  },
  {
    method: "GET",
    path: "/api/users",
    tag: "users",
    summary: "Every user with role, status and sign-in methods",
    role: "admin",
    responses: { "200": json("The users.", dataOf(z.array(ZUserSummary))) },
  },
  {
    method: "POST",
    path: "/api/users",
    tag: "users",
    summary: "Invite a user",
    description: "Bulwark sends no email: the answer holds a one-time link to hand over, shown once.",
    role: "admin",
    body: ZUserInviteRequest,
    responses: { "201": json("Invited.", ZUserInvited) },
  },
  {
    method: "PATCH",
    path: "/api/users/{id}",
    tag: "users",
    summary: "Change a role, disable or re-enable",
    description: "Ends the user's sessions. The last admin cannot be demoted or disabled.",
    role: "admin",
    params: ZUserParams,
    body: ZUserUpdateRequest,
    responses: { "200": json("The user's access after the change.", dataOf(ZUserAccess)) },
  },
  {
    method: "POST",
    path: "/api/users/{id}/invite",
    tag: "users",
    summary: "A new one-time link (a password reset)",
    role: "admin",
    params: ZUserParams,
    responses: { "200": json("The new link.", ZInviteLink) },
  },
  {
    method: "GET",
    path: "/api/settings/checks",
    tag: "settings",
    summary: "The check settings scans use, and the defaults",
    role: "viewer",
    responses: { "200": json("The settings.", ZCheckSettingsView) },
  },
  {
    method: "PUT",
    path: "/api/settings/checks",
    tag: "settings",
    summary: "Replace the check settings",
    description: "Used from each cluster's next scan; audited field by field.",
    role: "admin",
    body: ZCheckSettingsUpdate,
    responses: { "200": json("The settings saved.", dataOf(ZCheckSettingsUpdate)) },
  },
  {
    method: "GET",
    path: "/api/settings/notifications",
    tag: "settings",
    summary: "The webhook new findings are sent to",
    description: "The URL may hold a token; the signing secret is never shown again.",
    role: "admin",
    responses: { "200": json("The settings.", dataOf(ZNotificationSettingsView)) },
  },
  {
    method: "PUT",
    path: "/api/settings/notifications",
    tag: "settings",
    summary: "Set or clear the webhook",
    description:
      "https only (plain http to loopback when loopback clusters are allowed), never to link-local addresses. The signing secret is in the answer once, when issued.",
    role: "admin",
    body: ZNotificationUpdate,
    responses: { "200": json("The settings saved.", ZNotificationSaved) },
  },
  {
    method: "POST",
    path: "/api/settings/notifications/test",
    tag: "settings",
    summary: "Send a signed test event to the webhook",
    role: "admin",
    responses: { "200": json("How the webhook answered.", dataOf(ZDelivery)) },
  },
  {
    method: "GET",
    path: "/api/tokens",
    tag: "access",
    summary: "The caller's API tokens (an admin sees everyone's)",
    description: "Never the secrets.",
    role: "viewer",
    responses: { "200": json("The tokens.", dataOf(z.array(ZTokenSummary))) },
  },
  {
    method: "POST",
    path: "/api/tokens",
    tag: "access",
    summary: "Issue an API token (signed-in users only)",
    description:
      "Never above the owner's role; expires within a year; the secret is shown once and stored as a SHA-256 hash.",
    role: "viewer",
    body: ZTokenCreateRequest,
    responses: { "201": json("Issued.", ZTokenIssued) },
  },
  {
    method: "DELETE",
    path: "/api/tokens/{id}",
    tag: "access",
    summary: "Revoke a token (your own; an admin may revoke anyone's)",
    role: "viewer",
    params: ZTokenParams,
    responses: { "204": noContent("Revoked.") },
  },
];

import { z } from "zod";

import { ZCheckSummary } from "@/lib/contracts/checks";
import { dataOf, ZOk } from "@/lib/contracts/envelope";
import { ZHealth, ZLive } from "@/lib/contracts/health";
import { ZOpenApiDocument } from "@/lib/contracts/openapi";
import { ZInviteAcceptRequest, ZMe, ZSetupRequest } from "@/lib/contracts/users";

import { json, type Operation } from "../operation";

const auth = (method: "GET" | "POST"): Operation => ({
  method,
  path: "/api/auth/{all}",
  tag: "sign-in",
  summary:
    method === "GET"
      ? "Sessions and single sign-on callbacks (the sign-in library)"
      : "Sign in, sign out, change password (the sign-in library)",
  description:
    "Served by better-auth under `/api/auth/`; `{all}` spans the rest of the path (`sign-in/email`, `sign-out`, `get-session`, `sign-in/social`, `callback/{provider}`, `change-password`…). " +
    "Sign-up is off. A wrong password counts towards the sign-in back-off (429 with Retry-After). POST needs an `Origin` of Bulwark itself.",
  role: "public",
  params: z.object({ all: z.string().meta({ description: "The rest of the path, slashes included." }) }),
  responses: { "200": json("The library's answer (a session sets the `bulwark.session_token` cookie).", z.unknown()) },
});

export const SYSTEM_OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/api/health",
    tag: "health",
    summary: "Readiness",
    description:
      "200 only when the database answers and the scan queue is installed; else 503 with Retry-After, naming the part that is not ready.",
    role: "public",
    responses: {
      "200": json("Ready.", ZHealth),
      "503": json("Not ready yet (Retry-After says when to ask again).", ZHealth),
    },
  },
  {
    method: "GET",
    path: "/api/health/live",
    tag: "health",
    summary: "Liveness",
    description: "The process serves HTTP; does not depend on the database.",
    role: "public",
    responses: { "200": json("Alive.", ZLive) },
  },
  auth("GET"),
  auth("POST"),
  {
    method: "POST",
    path: "/api/setup",
    tag: "sign-in",
    summary: "Create the first admin from the first-start link (once)",
    role: "public",
    body: ZSetupRequest,
    responses: { "201": json("The first admin exists; sign in.", ZOk) },
  },
  {
    method: "POST",
    path: "/api/invites/accept",
    tag: "sign-in",
    summary: "Set a password from an invitation link (once)",
    description: "Ends the user's other sessions and revokes their API tokens.",
    role: "public",
    body: ZInviteAcceptRequest,
    responses: { "200": json("The password is set; sign in.", ZOk) },
  },
  {
    method: "GET",
    path: "/api/me",
    tag: "access",
    summary: "Who the caller is, with which role",
    role: "viewer",
    responses: { "200": json("The caller.", dataOf(ZMe)) },
  },
  {
    method: "GET",
    path: "/api/checks",
    tag: "checks",
    summary: "The check catalog",
    description: "Every check with its layer, severity, rationale, remediation and references.",
    role: "viewer",
    responses: { "200": json("The catalog.", dataOf(z.array(ZCheckSummary))) },
  },
  {
    method: "GET",
    path: "/api/metrics",
    tag: "health",
    summary: "Prometheus metrics",
    description:
      "Scores, open findings and scan outcomes per cluster in the Prometheus text format; scrape with a `read` token.",
    role: "viewer",
    responses: {
      "200": { description: "Prometheus text exposition format.", content: { "text/plain": { schema: z.string() } } },
    },
  },
  {
    method: "GET",
    path: "/api/openapi.json",
    tag: "health",
    summary: "This document",
    description: "The OpenAPI 3.1 description of every route, generated from the zod schemas the routes enforce.",
    role: "viewer",
    responses: { "200": json("The OpenAPI document.", ZOpenApiDocument) },
  },
];

import { z } from "zod";

import {
  ZClusterCreated,
  ZClusterCreateRequest,
  ZClusterParams,
  ZClusterSummary,
  ZClusterUpdateRequest,
  ZConnectionTest,
  ZScanRequested,
} from "@/lib/contracts/clusters";
import { dataOf } from "@/lib/contracts/envelope";
import { ZClusterPosture } from "@/lib/contracts/scores";
import { ZSnapshotDetail, ZSnapshotParams } from "@/lib/contracts/snapshots";

import { json, noContent, type Operation } from "../operation";

const tag = "clusters";

export const CLUSTER_OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/api/clusters",
    tag,
    summary: "Every registered cluster with its latest scan",
    role: "viewer",
    responses: { "200": json("The clusters.", dataOf(z.array(ZClusterSummary))) },
  },
  {
    method: "POST",
    path: "/api/clusters",
    tag,
    summary: "Register a cluster",
    description:
      "From a context of the operator's kubeconfig, or an uploaded kubeconfig (credentials inline only: a field naming a file is refused, naming the field).",
    role: "admin",
    body: ZClusterCreateRequest,
    responses: { "201": json("Registered.", ZClusterCreated) },
  },
  {
    method: "GET",
    path: "/api/clusters/{id}",
    tag,
    summary: "One cluster (never its credentials)",
    role: "viewer",
    params: ZClusterParams,
    responses: { "200": json("The cluster.", dataOf(ZClusterSummary)) },
  },
  {
    method: "PATCH",
    path: "/api/clusters/{id}",
    tag,
    summary: "Rename, change the schedule, enable or disable",
    role: "admin",
    params: ZClusterParams,
    body: ZClusterUpdateRequest,
    responses: { "200": json("The cluster after the change.", dataOf(ZClusterSummary)) },
  },
  {
    method: "DELETE",
    path: "/api/clusters/{id}",
    tag,
    summary: "Delete the cluster with its whole history",
    role: "admin",
    params: ZClusterParams,
    responses: { "204": noContent("Deleted.") },
  },
  {
    method: "GET",
    path: "/api/clusters/{id}/posture",
    tag,
    summary: "The figures of the cluster's scorecards",
    description:
      "Overall and per layer: score, grade (null when incomplete), coverage, open findings (`failed`), those under an accepted risk (`suppressed`), critical and high; the latest completed scan, and the latest scan's failure if it failed.",
    role: "viewer",
    params: ZClusterParams,
    responses: { "200": json("The posture.", dataOf(ZClusterPosture)) },
  },
  {
    method: "POST",
    path: "/api/clusters/{id}/scans",
    tag,
    summary: "Scan now",
    description: "Queues a scan, or answers the one under way (`isNew` false).",
    role: "analyst",
    tokenScope: "scan",
    params: ZClusterParams,
    responses: {
      "202": json(
        "Queued or already running.",
        ZScanRequested,
        z.object({ location: z.string().meta({ description: "/api/snapshots/{snapshotId}" }) }),
      ),
    },
  },
  {
    method: "POST",
    path: "/api/clusters/{id}/connection-test",
    tag,
    summary: "Test the connection",
    description: "Reachable? Which version? Which resources can be read, and which permission is missing?",
    role: "admin",
    params: ZClusterParams,
    responses: { "200": json("How the cluster answered.", dataOf(ZConnectionTest)) },
  },
  {
    method: "GET",
    path: "/api/snapshots/{id}",
    tag,
    summary: "A scan's status, phases, object counts and warnings",
    role: "viewer",
    params: ZSnapshotParams,
    responses: { "200": json("The snapshot.", dataOf(ZSnapshotDetail)) },
  },
];

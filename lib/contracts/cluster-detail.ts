import type { ClusterPosture } from "./scores";

export type SnapshotRow = {
  id: string;
  seq: number;
  startedAt: string;
  status: string;
  trigger: string;
  findingCount: number;
  newCount: number;
  resolvedCount: number;
  overall: number | null;
  grade: string | null;
};

export type ClusterDetail = {
  posture: ClusterPosture;
  history: SnapshotRow[];
  worstNamespaces: { namespace: string; score: number | null; grade: string | null; failed: number }[];
  warnings: { kind: string; status: number | null; reason: string }[];
  /** The latest completed scan's checks that could not be evaluated (weighing as failing), and why. */
  notEvaluated: { checkId: string; reason: string }[];
};

/** One snapshot's scores: overall and per layer (null when nothing was evaluated). */
export type TrendPoint = {
  takenAt: string;
  overall: number | null;
  node: number | null;
  network: number | null;
  secrets: number | null;
  pod: number | null;
  container: number | null;
};

export type ChangedFinding = {
  id: string;
  checkId: string;
  layer: string;
  severity: string;
  resourceKind: string;
  namespace: string;
  resourceName: string;
  container: string;
  message: string;
};
export type SnapshotChanges = { opened: ChangedFinding[]; resolved: ChangedFinding[]; truncated: boolean };

/** A finding as compare lists it: what it is and where, without its lifetime's identity. */
export type DiffFinding = Omit<ChangedFinding, "id" | "layer">;

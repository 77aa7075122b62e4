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

/** Where a manifest object came from: the file and the line its document starts on. */
export type SourceLocation = { file: string; line: number };

/** Names one Kubernetes object. `namespace` is "" for cluster-scoped objects. */
export type ResourceRef = { kind: string; namespace: string; name: string; source?: SourceLocation };

export type Meta = {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  creationTimestamp?: string;
  ownerReferences?: { kind: string; name: string; controller?: boolean }[];
};

export type LabelSelector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
};

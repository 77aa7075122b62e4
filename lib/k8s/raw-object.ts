/** A Kubernetes object as JSON (from the API or a manifest). */
export type RawObject = { apiVersion?: string; kind: string; metadata?: RawMeta } & Record<string, unknown>;
export type RawMeta = {
  name?: string;
  uid?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  ownerReferences?: { kind: string; name: string; controller?: boolean }[];
};

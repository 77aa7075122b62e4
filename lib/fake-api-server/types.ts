/** A Kubernetes object as the API serves it. */
export type ApiObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string } & Record<string, unknown>;
} & Record<string, unknown>;

/** A cluster the fake API server serves: its objects, version and per-node kubelet configuration. */
export type FixtureCluster = {
  name: string;
  version: { major: string; minor: string; gitVersion: string; platform?: string };
  objects: ApiObject[];
  /** Kubelet configuration served at /api/v1/nodes/{name}/proxy/configz; absent nodes answer 404. */
  kubeletConfigs?: Record<string, Record<string, unknown>>;
  /**
   * The API server's --anonymous-auth: when true, a request without credentials is the user
   * system:anonymous (group system:unauthenticated), authorised by the fixture's RBAC; when
   * false or absent it is refused with 401.
   */
  anonymousAuth?: boolean;
  /** API groups of optional add-ons installed even when they hold no objects (e.g. an empty CRD). */
  installedGroups?: string[];
};

/** Faults to inject, to test how a client copes with a real cluster's bad days. */
export type Faults = {
  /** Resources answering 403 to lists, as "plural" (core) or "plural.group". */
  forbidden?: string[];
  /** Answer 403 to node proxy (configz) requests. */
  forbidProxy?: boolean;
  /** The kubelets answer 403 to /configz (the caller lacks nodes/configz). */
  forbidConfigz?: boolean;
  /** The first `times` list requests answer 429 with Retry-After. */
  tooManyRequests?: { times: number; retryAfterSeconds: number };
  /** The first `times` list requests (of `resources` only, when given) answer 500. */
  serverErrors?: { times: number; resources?: string[] };
  /** The first `times` requests have their connection destroyed without an answer. */
  dropConnections?: { times: number };
  /** Continue tokens of these resources are answered with 410 Gone, `times` times. */
  expireContinue?: { resource: string; times: number };
  /** Delay before every answer. */
  delayMs?: number;
  /** Never answer at all. */
  hang?: boolean;
};

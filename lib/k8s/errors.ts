// Errors a cluster scan can end with, in a module of their own so that callers can recognise
// them without loading the Kubernetes client (the CLI loads it only to scan a cluster).

/** A kubeconfig that cannot be used, with a message that says why and what to do. */
export class KubeconfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KubeconfigError";
  }
}

/** The cluster could not be scanned at all (unreachable, credentials refused). */
export class ClusterUnavailableError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "ClusterUnavailableError";
  }
}

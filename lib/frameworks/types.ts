import type { ResourceRef } from "@/lib/inventory/types";

/**
 * How a control is judged. `automated`: by the named Bulwark checks (all must be evaluated for
 * the control to pass). `manual`: by evidence an auditor collects, which an analyst attests to.
 * `not-applicable`: never judged, with why.
 */
export type Judgement =
  | { by: "automated"; checks: readonly string[]; only?: FindingFilter }
  | { by: "manual"; evidence: string }
  | { by: "not-applicable"; reason: string };

/**
 * Where one check covers several controls (hostPID, hostIPC and hostNetwork are one check), the
 * findings of that check that concern this control: those whose message names one of the words.
 * A test runs each filtered check on a cluster that breaks every rule, so a reworded message fails it.
 */
export type FindingFilter = { check: string; messageIncludes: readonly string[] };

export type Control = {
  /** Stable within a framework: the benchmark's own number where it has one. */
  id: string;
  /** Our own short wording, never the benchmark's text. */
  title: string;
  /** Section title, e.g. "1.2 API Server". */
  section: string;
  judged: Judgement;
  /**
   * Configuration of the control plane: on a managed cluster (EKS, GKE, AKS) it is the
   * provider's, as the managed-cloud variants of the benchmark have it.
   */
  controlPlane?: true;
  /** Critical manual controls need a second person to approve an attestation. */
  critical?: true;
  reference: string;
};

export type Framework = {
  /** Stable: `cis-kubernetes`, `nsa-cisa`, `pss-baseline`, `pss-restricted`. */
  id: string;
  title: string;
  /** The document's version. */
  version: string;
  /** What the document says about itself: date, Kubernetes versions covered. */
  edition: string;
  /**
   * Bulwark's mapping of that version. Changing any control's judgement bumps this, so stored
   * history keeps the mapping it was computed with (`frameworkVersion` below).
   */
  mappingRevision: number;
  url: string;
  controls: readonly Control[];
};

/** The version string stored with every snapshot's statuses: document version and our mapping. */
export const frameworkVersion = (f: Pick<Framework, "version" | "mappingRevision">) =>
  `${f.version}+m${f.mappingRevision}`;

export const CONTROL_STATUSES = ["pass", "fail", "not-evaluated", "manual", "not-applicable"] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

/** A control's status in one scan. */
export type ControlResult = {
  id: string;
  title: string;
  section: string;
  status: ControlStatus;
  /** The checks that judge it (empty for manual and not-applicable controls). */
  checks: string[];
  /** Resources the mapped checks looked at: the evidence behind a pass. */
  evaluated: number;
  /** For `fail`: each failing resource once, with the checks it fails. */
  failing: { resource: ResourceRef; checks: string[] }[];
  /** Why not evaluated / not applicable; for manual, the evidence an auditor needs. */
  reason?: string;
  /** For manual controls: whether a current attestation covers it. */
  attested?: boolean;
};

export type FrameworkResult = { id: string; title: string; version: string; controls: ControlResult[] };

import type { HeldFindings, Inventory } from "@/lib/inventory/types";

/** What collecting gave, from a live cluster or from manifest files: the input of the checks. */
export type Collection = {
  inventory: Inventory;
  /** Problems with the input besides the inventory's own warnings (manifest documents skipped). */
  warnings: string[];
  /** Objects listed per resource, before folding pods into their controllers (a cluster only). */
  counts: Record<string, number>;
  /** Findings this scan must neither open nor close: kinds not read, objects derived from them, checks reading them. */
  held?: HeldFindings;
  kubernetesVersion: string | null;
  /** Manifest files read (a manifests scan only). */
  files?: number;
};

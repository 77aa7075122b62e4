import { loadManifests } from "@/lib/k8s/manifests/load-manifests";
import { manifestsToInventory } from "@/lib/k8s/to-inventory";

import type { Collection } from "./collection";

/** Reads manifest files and folders into an inventory. */
export async function collectManifests(paths: string[]): Promise<Collection> {
  const { objects, warnings, files } = await loadManifests(paths);
  return { inventory: manifestsToInventory(objects), warnings, counts: {}, kubernetesVersion: null, files };
}

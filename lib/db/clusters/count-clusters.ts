import { getPrisma } from "../client";

export async function countClusters(): Promise<number> {
  return getPrisma().cluster.count();
}

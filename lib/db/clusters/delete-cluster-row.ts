import { AppError } from "@/lib/errors";

import { getPrisma } from "../client";

/** Deletes a cluster row; its snapshots, findings and scores cascade. */
export async function deleteClusterRow(id: string): Promise<void> {
  const { count } = await getPrisma().cluster.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
}

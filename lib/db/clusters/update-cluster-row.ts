import { AppError } from "@/lib/errors";

import { getPrisma } from "../client";

export async function updateClusterRow(
  id: string,
  patch: { name?: string; scheduleMinutes?: number; enabled?: boolean },
): Promise<void> {
  const { count } = await getPrisma().cluster.updateMany({ where: { id }, data: patch });
  if (count === 0) throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
}

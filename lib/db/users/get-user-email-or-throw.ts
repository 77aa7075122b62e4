import { AppError } from "@/lib/errors";

import { getPrisma } from "../client";

export async function getUserEmailOrThrow(id: string): Promise<string> {
  const user = await getPrisma().user.findUnique({ where: { id }, select: { email: true } });
  if (!user) throw new AppError("NOT_FOUND", { userMessage: "No such user." });
  return user.email;
}

import { getPrisma } from "../client";

export async function deleteSession(id: string): Promise<void> {
  await getPrisma().session.deleteMany({ where: { id } });
}

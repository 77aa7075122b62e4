import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";

import { getPrisma } from "../client";

export type NewCluster = {
  name: string;
  source: "kubeconfig_context" | "kubeconfig_upload" | "in_cluster" | "demo";
  contextName?: string | null;
  /** Already sealed (AES-256-GCM) by the caller; never the plaintext. */
  kubeconfigSealed?: Uint8Array | null;
  scheduleMinutes?: number;
  isDemo?: boolean;
  warnings?: string[];
};

export async function createCluster(input: NewCluster): Promise<{ id: string }> {
  try {
    return await getPrisma().cluster.create({
      data: {
        name: input.name,
        source: input.source,
        contextName: input.contextName ?? null,
        kubeconfigSealed: input.kubeconfigSealed ? Buffer.from(input.kubeconfigSealed) : null,
        scheduleMinutes: input.scheduleMinutes ?? 360,
        isDemo: input.isDemo ?? false,
        warnings: input.warnings ?? [],
      },
      select: { id: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { userMessage: `A cluster named "${input.name}" already exists.` });
    }
    throw error;
  }
}

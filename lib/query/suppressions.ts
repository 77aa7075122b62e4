import { mutationOptions } from "@tanstack/react-query";

import { fetchJson } from "./fetch-json";

export const suppressionKeys = { all: ["suppressions"] as const };

/** What an analyst does to an accepted risk from its row. */
export type SuppressionAction =
  | { id: string; action: "approve" }
  | { id: string; action: "revoke" }
  | { id: string; action: "extend"; expiresAt: string };

/** Accepted risks are server-rendered: each caller refreshes the page once a mutation settles. */
export const suppressionMutations = {
  propose: () =>
    mutationOptions({
      mutationKey: [...suppressionKeys.all, "propose"],
      mutationFn: (body: Record<string, string>) =>
        fetchJson<{ status: string }>("/api/suppressions", { method: "POST", body }),
    }),
  act: () =>
    mutationOptions({
      mutationKey: [...suppressionKeys.all, "act"],
      mutationFn: (a: SuppressionAction) =>
        a.action === "approve"
          ? fetchJson(`/api/suppressions/${a.id}/approve`, { method: "POST" })
          : a.action === "revoke"
            ? fetchJson(`/api/suppressions/${a.id}`, { method: "DELETE" })
            : fetchJson(`/api/suppressions/${a.id}`, { method: "PATCH", body: { expiresAt: a.expiresAt } }),
    }),
};

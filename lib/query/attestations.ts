import { mutationOptions } from "@tanstack/react-query";

import { fetchJson } from "./fetch-json";

export const attestationKeys = { all: ["attestations"] as const };

/** Attestations are server-rendered: each caller refreshes the page once a mutation settles. */
export const attestationMutations = {
  attest: () =>
    mutationOptions({
      mutationKey: [...attestationKeys.all, "attest"],
      mutationFn: (body: Record<string, string>) =>
        fetchJson<{ status: string }>("/api/attestations", { method: "POST", body }),
    }),
  act: () =>
    mutationOptions({
      mutationKey: [...attestationKeys.all, "act"],
      mutationFn: ({ id, action }: { id: string; action: "approve" | "revoke" }) =>
        action === "approve"
          ? fetchJson(`/api/attestations/${id}/approve`, { method: "POST" })
          : fetchJson(`/api/attestations/${id}`, { method: "DELETE" }),
    }),
};

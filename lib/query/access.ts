import { queryOptions } from "@tanstack/react-query";
import type { TokenSummary } from "@/lib/api/schemas/tokens";
import type { UserSummary } from "@/lib/api/schemas/users";
import { fetchJson } from "./fetch-json";

export const accessKeys = {
  users: ["users"] as const,
  tokens: ["tokens"] as const,
};

export const accessQueries = {
  users: () => queryOptions({ queryKey: accessKeys.users, queryFn: () => fetchJson<{ data: UserSummary[] }>("/api/users").then((r) => r.data) }),
  tokens: () => queryOptions({ queryKey: accessKeys.tokens, queryFn: () => fetchJson<{ data: TokenSummary[] }>("/api/tokens").then((r) => r.data) }),
};

import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/react-query";

import type { Role } from "@/lib/access/roles";
import type { TokenScope } from "@/lib/access/token-scopes";
import type { TokenSummary } from "@/lib/contracts/tokens";
import type { UserSummary } from "@/lib/contracts/users";

import { fetchJson } from "./fetch-json";
import { refreshAfterChange } from "./refresh";

export const accessKeys = {
  users: ["users"] as const,
  tokens: ["tokens"] as const,
};

export const accessQueries = {
  users: () =>
    queryOptions({
      queryKey: accessKeys.users,
      queryFn: ({ signal }) => fetchJson<{ data: UserSummary[] }>("/api/users", { signal }).then((r) => r.data),
    }),
  tokens: () =>
    queryOptions({
      queryKey: accessKeys.tokens,
      queryFn: ({ signal }) => fetchJson<{ data: TokenSummary[] }>("/api/tokens", { signal }).then((r) => r.data),
    }),
};

const invalidate = (queryClient: QueryClient, queryKey: readonly string[]) => () =>
  refreshAfterChange(queryClient, queryKey);

/** A one-time sign-in link for a user: the answer of an invitation or of a new link. */
export type SignInLink = { email: string; url: string };

export const accessMutations = {
  invite: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...accessKeys.users, "invite"],
      mutationFn: (body: { email: string; name: string; role: Role }) =>
        fetchJson<{ inviteUrl: string }>("/api/users", { method: "POST", body }).then((r): SignInLink => ({
          email: body.email,
          url: r.inviteUrl,
        })),
      onSettled: invalidate(queryClient, accessKeys.users),
    }),
  updateUser: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...accessKeys.users, "update"],
      mutationFn: ({ id, ...body }: { id: string; role?: Role; disabled?: boolean }) =>
        fetchJson(`/api/users/${id}`, { method: "PATCH", body }),
      onSettled: invalidate(queryClient, accessKeys.users),
    }),
  reissueInvite: () =>
    mutationOptions({
      mutationKey: [...accessKeys.users, "reissue"],
      mutationFn: (u: UserSummary) =>
        fetchJson<{ inviteUrl: string }>(`/api/users/${u.id}/invite`, { method: "POST" }).then((r): SignInLink => ({
          email: u.email,
          url: r.inviteUrl,
        })),
    }),
  createToken: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...accessKeys.tokens, "create"],
      mutationFn: (body: { name: string; scopes: TokenScope[]; expiresInDays: number }) =>
        fetchJson<{ token: string }>("/api/tokens", { method: "POST", body }),
      onSettled: invalidate(queryClient, accessKeys.tokens),
    }),
  revokeToken: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...accessKeys.tokens, "revoke"],
      mutationFn: (id: string) => fetchJson(`/api/tokens/${id}`, { method: "DELETE" }),
      onSettled: invalidate(queryClient, accessKeys.tokens),
    }),
};

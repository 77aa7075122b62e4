import { mutationOptions } from "@tanstack/react-query";

import { fetchJson } from "./fetch-json";

export const authKeys = { all: ["auth"] as const };

/** Signing in, setting a password from a one-time link, signing out. */
export const authMutations = {
  signIn: () =>
    mutationOptions({
      mutationKey: [...authKeys.all, "sign-in"],
      mutationFn: (form: FormData) =>
        fetchJson("/api/auth/sign-in/email", {
          method: "POST",
          body: { email: form.get("email"), password: form.get("password"), rememberMe: false },
        }),
    }),
  singleSignOn: () =>
    mutationOptions({
      mutationKey: [...authKeys.all, "sso"],
      mutationFn: () =>
        fetchJson<{ url: string }>("/api/auth/sign-in/social", {
          method: "POST",
          body: { provider: "oidc", callbackURL: "/", errorCallbackURL: "/sign-in?sso=failed" },
        }),
    }),
  /** The first admin (with email and name) or an invited user's password, from a one-time link. */
  setPassword: (token: string, mode: "setup" | "invite") =>
    mutationOptions({
      mutationKey: [...authKeys.all, mode],
      mutationFn: (form: FormData) =>
        mode === "setup"
          ? fetchJson("/api/setup", {
              method: "POST",
              body: { token, email: form.get("email"), name: form.get("name"), password: form.get("password") },
            })
          : fetchJson("/api/invites/accept", { method: "POST", body: { token, password: form.get("password") } }),
    }),
};

/** Ends this session; `everywhere` first ends every session of this user. Signing out itself never fails. */
export async function signOut(everywhere: boolean): Promise<void> {
  if (everywhere) await fetchJson("/api/auth/revoke-sessions", { method: "POST", body: {} });
  await fetchJson("/api/auth/sign-out", { method: "POST", body: {} }).catch(() => undefined);
}

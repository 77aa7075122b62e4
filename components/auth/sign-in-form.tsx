"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { fetchJson } from "@/lib/query/fetch-json";
import { FormError, FormField, PRIMARY_BUTTON } from "./form-field";
import { useHydrated } from "./use-hydrated";

export function SignInForm({ sso, notice }: { sso: { name: string } | null; notice: string | null }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const password = useMutation({
    mutationFn: (form: FormData) => fetchJson("/api/auth/sign-in/email", { method: "POST", body: { email: form.get("email"), password: form.get("password"), rememberMe: false } }),
    onSuccess: () => {
      router.replace("/");
      router.refresh();
    },
  });
  const singleSignOn = useMutation({
    mutationFn: () => fetchJson<{ url: string }>("/api/auth/sign-in/social", { method: "POST", body: { provider: "oidc", callbackURL: "/", errorCallbackURL: "/sign-in?sso=failed" } }),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  // Stays disabled after success too, while the browser navigates away.
  const busy = !hydrated || password.isPending || password.isSuccess || singleSignOn.isPending || singleSignOn.isSuccess;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    singleSignOn.reset();
    password.mutate(new FormData(event.currentTarget));
  }

  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold text-slate-900">Sign in</h1>
      {notice ? <p className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">{notice}</p> : null}
      <FormError message={(password.error ?? singleSignOn.error)?.message ?? null} />
      <form onSubmit={submit} className="space-y-4">
        <FormField label="Email" name="email" type="email" autoComplete="username" required />
        <FormField label="Password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className={PRIMARY_BUTTON} disabled={busy}>
          Sign in
        </button>
      </form>
      {sso ? (
        <>
          <p className="text-center text-xs uppercase tracking-wide text-slate-500">or</p>
          <button
            type="button"
            onClick={() => {
              password.reset();
              singleSignOn.mutate();
            }}
            disabled={busy}
            className="w-full rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            Sign in with {sso.name}
          </button>
        </>
      ) : null}
    </div>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { authMutations } from "@/lib/query/auth";

import { FormField } from "./form-field";
import { useHydrated } from "./use-hydrated";

export function SignInForm({ sso, notice }: { sso: { name: string } | null; notice: string | null }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const password = useMutation({
    ...authMutations.signIn(),
    onSuccess: () => {
      router.replace("/");
      router.refresh();
    },
  });
  const singleSignOn = useMutation({
    ...authMutations.singleSignOn(),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  // Stays disabled after success too, while the browser navigates away.
  const busy =
    !hydrated || password.isPending || password.isSuccess || singleSignOn.isPending || singleSignOn.isSuccess;

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
        <Button type="submit" className="w-full" disabled={busy}>
          Sign in
        </Button>
      </form>
      {sso ? (
        <>
          <p className="text-center text-xs uppercase tracking-wide text-slate-500">or</p>
          <Button
            variant="secondary"
            onClick={() => {
              password.reset();
              singleSignOn.mutate();
            }}
            disabled={busy}
            className="w-full"
          >
            Sign in with {sso.name}
          </Button>
        </>
      ) : null}
    </div>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { authMutations } from "@/lib/query/auth";

import { FormField } from "./form-field";
import { useHydrated } from "./use-hydrated";

/** Setting a password from a one-time link: the first-admin setup (with email and name) or an invitation. */
export function PasswordForm({ token, mode }: { token: string; mode: "setup" | "invite" }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [mismatch, setMismatch] = useState(false);
  const save = useMutation({
    ...authMutations.setPassword(token, mode),
    onSuccess: () => {
      router.replace(`/sign-in?done=${mode === "setup" ? "setup" : "invited"}`);
      router.refresh();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const differ = form.get("password") !== form.get("confirm");
    setMismatch(differ);
    if (!differ) save.mutate(form);
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <FormError message={mismatch ? "The two passwords differ." : (save.error?.message ?? null)} />
      {mode === "setup" ? (
        <>
          <FormField label="Your name" name="name" autoComplete="name" required maxLength={120} />
          <FormField label="Email" name="email" type="email" autoComplete="username" required />
        </>
      ) : null}
      <FormField
        label="Password (12 characters or more)"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
      />
      <FormField
        label="Repeat the password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
      />
      <Button type="submit" className="w-full" disabled={!hydrated || save.isPending || save.isSuccess}>
        {mode === "setup" ? "Create the admin account" : "Set password"}
      </Button>
    </form>
  );
}

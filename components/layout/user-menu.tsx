"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import type { Role } from "@/lib/access/roles";
import { signOut as endSession } from "@/lib/query/auth";

/** Who is signed in, with sign-out here and sign-out everywhere (every session of this user). */
export function UserMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const signOut = async (everywhere: boolean) => {
    setBusy(true);
    try {
      await endSession(everywhere);
    } finally {
      router.replace("/sign-in");
      router.refresh();
    }
  };
  const button =
    "whitespace-nowrap rounded-md px-3 py-1.5 text-left md:w-full text-sm text-slate-300 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-sky-400 disabled:opacity-50";
  return (
    <section
      aria-label="Account"
      className="mt-2 flex flex-wrap items-center gap-x-3 border-t border-slate-700 pt-2 md:mt-auto md:block md:pt-4"
    >
      <p className="truncate px-3 text-sm font-medium text-white" title={email}>
        {name}
      </p>
      <p className="truncate px-3 text-xs text-slate-400">
        {email} · <span data-testid="current-role">{role}</span>
      </p>
      <div className="flex gap-1 md:mt-2 md:flex-col">
        <button type="button" className={button} disabled={busy} onClick={() => void signOut(false)}>
          Sign out
        </button>
        <button type="button" className={button} disabled={busy} onClick={() => void signOut(true)}>
          Sign out everywhere
        </button>
      </div>
    </section>
  );
}

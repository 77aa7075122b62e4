"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/form-field";
import { fetchJson } from "@/lib/query/fetch-json";

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** Accept the risk of a finding: scope, reason and expiry (a year at most). */
export function SuppressForm({ findingId, resource, namespace, needsApproval, today, maxDay, defaultDay }: {
  findingId: string; resource: string; namespace: string; needsApproval: boolean; today: string; maxDay: string; defaultDay: string;
}) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: Record<string, string>) => fetchJson<{ status: string }>("/api/suppressions", { method: "POST", body }),
    onSuccess: (r) => {
      setDone(r.status === "pending" ? "Proposed. It takes effect once another analyst or an admin approves it on the Accepted risks page." : "Accepted. It counts as passing from the next snapshot.");
      router.refresh();
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ findingId, scope: String(form.get("scope")), reason: String(form.get("reason")), expiresAt: String(form.get("expiresAt")) });
  }
  if (done) return <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">{done}</p>;
  return (
    <form onSubmit={submit} aria-label="Accept this risk" className="space-y-3 text-sm">
      <fieldset>
        <legend className="font-medium">Applies to</legend>
        <label className="mr-4 inline-flex items-center gap-1"><input type="radio" name="scope" value="resource" defaultChecked /> this resource ({resource})</label>
        {namespace ? <label className="mr-4 inline-flex items-center gap-1"><input type="radio" name="scope" value="namespace" /> this check in namespace {namespace}</label> : null}
        <label className="inline-flex items-center gap-1"><input type="radio" name="scope" value="cluster" /> this check in the whole cluster</label>
      </fieldset>
      <label className="block">Reason (who owns the risk, why it is acceptable, what mitigates it)
        <textarea name="reason" required minLength={10} maxLength={2000} rows={3} className={INPUT} />
      </label>
      <label className="block w-48">Expires on (UTC)
        <input type="date" name="expiresAt" required min={today} max={maxDay} defaultValue={defaultDay} className={INPUT} />
      </label>
      {needsApproval ? <p className="text-xs text-amber-800">This is a critical or high finding: a second person must approve before it takes effect.</p> : null}
      <FormError message={create.error?.message ?? null} />
      <button type="submit" disabled={create.isPending} className="rounded-md bg-amber-700 px-4 py-2 font-medium text-white hover:bg-amber-800 disabled:opacity-60">Propose accepted risk</button>
    </form>
  );
}

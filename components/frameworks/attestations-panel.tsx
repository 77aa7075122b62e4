"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/form-field";
import type { AttestationSummary } from "@/lib/api/schemas/frameworks";
import { formatUtc } from "@/lib/format-date";
import { fetchJson } from "@/lib/query/fetch-json";

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const BUTTON = "rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-50";

type Props = {
  frameworkId: string;
  controlId: string;
  critical: boolean;
  rows: AttestationSummary[];
  clusters: { id: string; name: string }[];
  me: string;
  canAct: boolean;
  today: string;
  maxDay: string;
};

/** A manual control's attestations per cluster, and for analysts: attest, approve (a critical one, by another person), revoke. */
export function AttestationsPanel({ frameworkId, controlId, critical, rows, clusters, me, canAct, today, maxDay }: Props) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: Record<string, string>) => fetchJson<{ status: string }>("/api/attestations", { method: "POST", body }),
    onSuccess: (r) => {
      setDone(r.status === "pending" ? "Recorded. It takes effect once another analyst or an admin approves it." : "Attested. It counts from the next snapshot.");
      router.refresh();
    },
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: "approve" | "revoke" }) =>
      action === "approve" ? fetchJson(`/api/attestations/${id}/approve`, { method: "POST" }) : fetchJson(`/api/attestations/${id}`, { method: "DELETE" }),
    onSettled: () => router.refresh(),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ frameworkId, controlId, clusterId: String(form.get("clusterId")), note: String(form.get("note")), expiresAt: String(form.get("expiresAt")) });
  }
  return (
    <div className="space-y-4">
      <FormError message={act.error?.message ?? null} />
      {rows.length ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Attestations</caption>
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-1 pr-3">Cluster</th><th className="py-1 pr-3">Status</th><th className="py-1 pr-3">Evidence</th><th className="py-1 pr-3">Attested / approved by</th><th className="py-1 pr-3">Until (UTC)</th><th className="py-1"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} className="border-t border-slate-100 align-top">
                <td className="py-1.5 pr-3">{a.clusterName}</td>
                <td className="py-1.5 pr-3">{a.status}</td>
                <td className="max-w-md whitespace-pre-wrap py-1.5 pr-3">{a.note}</td>
                <td className="py-1.5 pr-3">{`${a.author}, ${formatUtc(a.createdAt)}`}{a.approver ? <><br />{`approved by ${a.approver}`}</> : null}</td>
                <td className="py-1.5 pr-3">{formatUtc(a.expiresAt)}</td>
                <td className="space-x-1 py-1.5">
                  {canAct && a.status === "pending" && a.author !== me ? <button type="button" className={`${BUTTON} border-emerald-600 text-emerald-800`} disabled={act.isPending} onClick={() => act.mutate({ id: a.id, action: "approve" })}>Approve</button> : null}
                  {canAct && (a.status === "pending" || a.status === "active") ? <button type="button" className={`${BUTTON} border-slate-400 text-slate-700`} disabled={act.isPending} onClick={() => act.mutate({ id: a.id, action: "revoke" })}>Revoke</button> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-600">Not attested on any cluster.</p>
      )}
      {canAct && clusters.length ? (
        done ? (
          <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">{done}</p>
        ) : (
          <form onSubmit={submit} aria-label="Attest this control" className="space-y-3 text-sm">
            <label className="block w-64">Cluster
              <select name="clusterId" required className={INPUT}>
                {clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            </label>
            <label className="block">Evidence (what you checked, where, and what it showed)
              <textarea name="note" required minLength={10} maxLength={4000} rows={3} className={INPUT} />
            </label>
            <label className="block w-48">Holds until (UTC)
              <input type="date" name="expiresAt" required min={today} max={maxDay} className={INPUT} />
            </label>
            {critical ? <p className="text-xs text-amber-800">This is a critical control: a second person must approve before it counts.</p> : null}
            <FormError message={create.error?.message ?? null} />
            <button type="submit" disabled={create.isPending} className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60">Attest</button>
          </form>
        )
      ) : null}
    </div>
  );
}

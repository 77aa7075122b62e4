"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/auth/form-field";
import { SeverityBadge } from "@/components/checks/severity-badge";
import type { SuppressionSummary } from "@/lib/api/schemas/suppressions";
import type { Severity } from "@/lib/checks/types";
import { formatUtc } from "@/lib/format-date";
import { fetchJson } from "@/lib/query/fetch-json";

const BUTTON = "rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-50";
const STATUS_STYLE: Record<SuppressionSummary["status"], string> = {
  pending: "bg-amber-100 text-amber-900",
  active: "bg-emerald-100 text-emerald-900",
  revoked: "bg-slate-200 text-slate-700",
  expired: "bg-slate-200 text-slate-700",
};

/** Accepted risks with their state, and the actions the caller may take on each. */
export function SuppressionsTable({ rows, me, canAct, isAdmin }: { rows: SuppressionSummary[]; me: string; canAct: boolean; isAdmin: boolean }) {
  const router = useRouter();
  const act = useMutation({
    mutationFn: ({ id, action, expiresAt }: { id: string; action: "approve" | "revoke" | "extend"; expiresAt?: string }) =>
      action === "approve"
        ? fetchJson(`/api/suppressions/${id}/approve`, { method: "POST" })
        : action === "revoke"
          ? fetchJson(`/api/suppressions/${id}`, { method: "DELETE" })
          : fetchJson(`/api/suppressions/${id}`, { method: "PATCH", body: { expiresAt } }),
    onSettled: () => router.refresh(),
  });
  return (
    <>
      <FormError message={act.error?.message ?? null} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Accepted risks</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr><th className="px-3 py-2">Status</th><th className="px-3 py-2">Check</th><th className="px-3 py-2">Applies to</th><th className="px-3 py-2">Reason</th><th className="px-3 py-2">Proposed / approved by</th><th className="px-3 py-2">Expires (UTC)</th><th className="px-3 py-2">Covers now</th><th className="px-3 py-2"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((s) => {
              const live = s.status === "pending" || s.status === "active";
              return (
                <tr key={s.id} data-testid={`suppression-${s.id}`} className="align-top">
                  <td className="px-3 py-2"><span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[s.status]}`}>{s.status}</span></td>
                  <td className="px-3 py-2"><SeverityBadge severity={s.severity as Severity} /> <span className="ml-1">{s.checkTitle}</span><br /><span className="text-xs text-slate-500">{s.checkId}</span></td>
                  <td className="px-3 py-2 break-all">{s.clusterName ?? "—"}{s.namespace ? ` / ${s.namespace}` : " (whole cluster)"}{s.resourcePattern ? ` / ${s.resourcePattern}` : ""}</td>
                  <td className="max-w-xs px-3 py-2">{s.reason}</td>
                  <td className="px-3 py-2">{s.author}<br /><span className="text-xs text-slate-500">{s.approver ? `approved by ${s.approver}` : s.status === "pending" ? "waiting for approval" : "no approval needed"}</span></td>
                  <td className="px-3 py-2">
                    {formatUtc(s.expiresAt)}
                    {live && s.expiresWithinWeek ? <span role="note" className="mt-1 block text-xs font-medium text-amber-800">expires within a week</span> : null}
                  </td>
                  <td className="px-3 py-2">{live && s.matching === 0 ? <span className="text-xs font-medium text-amber-800">matches no finding</span> : s.matching}</td>
                  <td className="space-y-1 px-3 py-2 text-right">
                    {canAct && s.status === "pending" && s.author !== me ? (
                      <button type="button" className={`${BUTTON} border-emerald-600 text-emerald-800`} disabled={act.isPending} onClick={() => act.mutate({ id: s.id, action: "approve" })}>Approve</button>
                    ) : null}
                    {canAct && live ? (
                      <button type="button" className={`${BUTTON} border-red-300 text-red-700`} disabled={act.isPending} onClick={() => act.mutate({ id: s.id, action: "revoke" })}>Revoke</button>
                    ) : null}
                    {canAct && live && (s.author === me || isAdmin) ? (
                      <form
                        className="flex items-center justify-end gap-1"
                        onSubmit={(e) => {
                          e.preventDefault();
                          act.mutate({ id: s.id, action: "extend", expiresAt: String(new FormData(e.currentTarget).get("expiresAt")) });
                        }}
                      >
                        <input type="date" name="expiresAt" required aria-label={`New expiry for ${s.checkId}`} className="rounded border border-slate-300 px-1 py-0.5 text-xs" />
                        <button type="submit" className={`${BUTTON} border-slate-300 text-slate-700`} disabled={act.isPending}>Change expiry</button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

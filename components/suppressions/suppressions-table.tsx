"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import { SeverityBadge } from "@/components/checks/severity-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { ACTIONS_COLUMN, BoxedTable, Td } from "@/components/ui/table";
import type { Severity } from "@/lib/checks/types";
import type { SuppressionSummary } from "@/lib/contracts/suppressions";
import { formatUtc } from "@/lib/format-date";
import { suppressionMutations } from "@/lib/query/suppressions";

const STATUS_STYLE: Record<SuppressionSummary["status"], string> = {
  pending: "bg-amber-100 text-amber-900",
  active: "bg-emerald-100 text-emerald-900",
  revoked: "bg-slate-200 text-slate-700",
  expired: "bg-slate-200 text-slate-700",
};

/** Accepted risks with their state, and the actions the caller may take on each. */
export function SuppressionsTable({
  rows,
  me,
  canAct,
  isAdmin,
}: {
  rows: SuppressionSummary[];
  me: string;
  canAct: boolean;
  isAdmin: boolean;
}) {
  const router = useRouter();
  const act = useMutation({ ...suppressionMutations.act(), onSettled: () => router.refresh() });
  return (
    <>
      <FormError message={act.error?.message ?? null} />
      <BoxedTable
        framed
        caption="Accepted risks"
        columns={[
          "Status",
          "Check",
          "Applies to",
          "Reason",
          "Proposed / approved by",
          "Expires (UTC)",
          "Covers now",
          ACTIONS_COLUMN,
        ]}
      >
        {rows.map((s) => {
          const live = s.status === "pending" || s.status === "active";
          return (
            <tr key={s.id} data-testid={`suppression-${s.id}`} className="align-top">
              <Td look="boxed">
                <Badge className={STATUS_STYLE[s.status]}>{s.status}</Badge>
              </Td>
              <Td look="boxed">
                <SeverityBadge severity={s.severity as Severity} /> <span className="ml-1">{s.checkTitle}</span>
                <br />
                <span className="text-xs text-slate-500">{s.checkId}</span>
              </Td>
              <Td look="boxed" className="wrap-break-word">
                {s.clusterName ?? "—"}
                {s.namespace ? ` / ${s.namespace}` : " (whole cluster)"}
                {s.resourcePattern ? ` / ${s.resourcePattern}` : ""}
              </Td>
              <Td look="boxed" className="max-w-xs">
                {s.reason}
              </Td>
              <Td look="boxed">
                {s.author}
                <br />
                <span className="text-xs text-slate-500">
                  {s.approver
                    ? `approved by ${s.approver}`
                    : s.status === "pending"
                      ? "waiting for approval"
                      : "no approval needed"}
                </span>
              </Td>
              <Td look="boxed">
                {formatUtc(s.expiresAt)}
                {live && s.expiresWithinWeek ? (
                  <span role="note" className="mt-1 block text-xs font-medium text-amber-800">
                    expires within a week
                  </span>
                ) : null}
              </Td>
              <Td look="boxed">
                {live && s.matching === 0 ? (
                  <span className="text-xs font-medium text-amber-800">matches no finding</span>
                ) : (
                  s.matching
                )}
              </Td>
              <Td look="boxed" className="space-y-1 text-right">
                {canAct && s.status === "pending" && s.author !== me ? (
                  <Button
                    variant="approve"
                    size="xs"
                    disabled={act.isPending}
                    onClick={() => act.mutate({ id: s.id, action: "approve" })}
                  >
                    Approve
                  </Button>
                ) : null}
                {canAct && live ? (
                  <Button
                    variant="danger"
                    size="xs"
                    disabled={act.isPending}
                    onClick={() => act.mutate({ id: s.id, action: "revoke" })}
                  >
                    Revoke
                  </Button>
                ) : null}
                {canAct && live && (s.author === me || isAdmin) ? (
                  <form
                    className="flex items-center justify-end gap-1"
                    onSubmit={(e) => {
                      e.preventDefault();
                      act.mutate({
                        id: s.id,
                        action: "extend",
                        expiresAt: String(new FormData(e.currentTarget).get("expiresAt")),
                      });
                    }}
                  >
                    <Input
                      type="date"
                      name="expiresAt"
                      required
                      aria-label={`New expiry for ${s.checkId}`}
                      density="sm"
                    />
                    <Button
                      type="submit"
                      variant="secondary"
                      size="xs"
                      className="text-slate-700"
                      disabled={act.isPending}
                    >
                      Change expiry
                    </Button>
                  </form>
                ) : null}
              </Td>
            </tr>
          );
        })}
      </BoxedTable>
    </>
  );
}

import { Badge } from "@/components/ui/badge";
import type { ControlStatus } from "@/lib/frameworks/types";

const LOOK: Record<ControlStatus, { label: string; className: string }> = {
  pass: { label: "Pass", className: "bg-emerald-100 text-emerald-900" },
  fail: { label: "Fail", className: "bg-red-100 text-red-900" },
  "not-evaluated": { label: "Not evaluated", className: "bg-amber-100 text-amber-900" },
  manual: { label: "Manual", className: "bg-slate-100 text-slate-800" },
  "not-applicable": { label: "N/A", className: "bg-slate-50 text-slate-600" },
};

/** A control's status; manual controls say whether a current attestation covers them. */
export function ControlStatusBadge({
  status,
  attested,
  failingCount,
}: {
  status: ControlStatus;
  attested?: boolean | null;
  failingCount?: number;
}) {
  const look = LOOK[status];
  const detail =
    status === "manual"
      ? attested
        ? " · attested"
        : " · not attested"
      : status === "fail" && failingCount
        ? ` · ${failingCount}`
        : "";
  return <Badge className={`whitespace-nowrap px-1.5 font-medium ${look.className}`}>{`${look.label}${detail}`}</Badge>;
}

import type { Severity } from "@/lib/checks/types";
import { cn } from "@/lib/utils";

const STYLES: Record<Severity, string> = {
  critical: "bg-red-700 text-white",
  high: "bg-red-100 text-red-800",
  medium: "bg-amber-100 text-amber-900",
  low: "bg-sky-100 text-sky-900",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={cn("inline-block rounded px-2 py-0.5 text-xs font-semibold uppercase", STYLES[severity])}>{severity}</span>;
}

import { Badge } from "@/components/ui/badge";
import type { Severity } from "@/lib/checks/types";

const STYLES: Record<Severity, string> = {
  critical: "bg-red-700 text-white",
  high: "bg-red-100 text-red-800",
  medium: "bg-amber-100 text-amber-900",
  low: "bg-sky-100 text-sky-900",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge className={`uppercase ${STYLES[severity]}`}>{severity}</Badge>;
}

import type { HTMLAttributes } from "react";

import { cn } from "@/lib/utils";

const TONE = {
  warning: "bg-amber-50 text-amber-900",
  danger: "bg-red-50 text-red-900",
  success: "bg-emerald-50 text-emerald-900",
} as const;

/** A message box in the flow of a page: filters ignored, a scan failed, something saved. A `div` when it holds paragraphs. */
export function Notice({
  tone,
  as: Tag = "p",
  className,
  ...props
}: { tone: keyof typeof TONE; as?: "p" | "div" } & HTMLAttributes<HTMLElement>) {
  return <Tag className={cn("rounded-md p-3 text-sm", TONE[tone], className)} {...props} />;
}

import type { HTMLAttributes } from "react";

import { cn } from "@/lib/utils";

/** A small coloured label (a severity, a status). Its colours come with `className`. */
export function Badge({ className, ...props }: HTMLAttributes<HTMLSpanElement>) {
  return <span className={cn("inline-block rounded px-2 py-0.5 text-xs font-semibold", className)} {...props} />;
}

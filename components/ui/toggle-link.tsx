import Link from "next/link";
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/** One of a row of links that switch a view (a range, a filter); the current one is filled. */
export function ToggleLink({ current, className, ...props }: { current: boolean } & ComponentProps<typeof Link>) {
  return (
    <Link
      aria-current={current ? "true" : undefined}
      className={cn("rounded px-2 py-1", current ? "bg-sky-700 text-white" : "border border-slate-300", className)}
      {...props}
    />
  );
}

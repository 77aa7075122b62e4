import type { InputHTMLAttributes, ReactNode } from "react";

import { cn } from "@/lib/utils";

/** A checkbox or radio button with its label text beside it. */
export function Choice({
  label,
  className,
  ...input
}: { label: ReactNode; type: "checkbox" | "radio" } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className={cn("inline-flex items-center gap-1", className)}>
      <input {...input} />
      {label}
    </label>
  );
}

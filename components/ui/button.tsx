import type { ButtonHTMLAttributes } from "react";

import { cn } from "@/lib/utils";

const VARIANT = {
  primary: "bg-sky-700 text-white hover:bg-sky-800",
  secondary: "border border-slate-300 text-slate-800 hover:bg-slate-50",
  danger: "border border-red-300 text-red-700 hover:bg-red-50",
  approve: "border border-emerald-600 text-emerald-800",
  /** Accepting a risk, copying a secret: actions that need a second thought. */
  caution: "bg-amber-700 text-white hover:bg-amber-800",
} as const;

const SIZE = {
  md: "px-4 py-2 text-sm",
  sm: "px-3 py-1.5 text-sm",
  xs: "px-2.5 py-1 text-xs disabled:opacity-50",
  /** A row's small controls: square corners, normal weight. */
  compact: "rounded px-2 py-1 text-xs font-normal",
} as const;

export type ButtonVariant = keyof typeof VARIANT;
export type ButtonSize = keyof typeof SIZE;
type Look = { variant?: ButtonVariant; size?: ButtonSize; className?: string };

/** The classes of a button, for links and downloads that look like one. */
export function buttonClass({ variant = "primary", size = "md", className }: Look = {}): string {
  return cn(
    "rounded-md font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-60",
    VARIANT[variant],
    SIZE[size],
    className,
  );
}

export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: Look & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}

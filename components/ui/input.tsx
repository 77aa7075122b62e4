import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

import { cn } from "@/lib/utils";

const DENSITY = {
  md: "rounded-md px-2 py-1.5 text-sm",
  /** In a table row. */
  sm: "rounded px-1 py-0.5 text-xs",
  /** On the sign-in card. */
  lg: "rounded-md px-3 py-2 text-sm text-slate-900 focus:border-sky-600 focus:outline-2 focus:outline-sky-600",
} as const;

const LAYOUT = {
  inline: "",
  /** Under its label text. */
  stacked: "mt-1 block",
  /** Under its label text, as wide as the label. */
  block: "mt-1 block w-full",
} as const;

type Look = { density?: keyof typeof DENSITY; layout?: keyof typeof LAYOUT; className?: string };

/** The classes of a form control: one border and padding for every input, select and textarea. */
export function controlClass({ density = "md", layout = "inline", className }: Look = {}): string {
  return cn("border border-slate-300", DENSITY[density], LAYOUT[layout], className);
}

export function Input({ density, layout, className, ...props }: Look & InputHTMLAttributes<HTMLInputElement>) {
  return <input className={controlClass({ density, layout, className })} {...props} />;
}

export function Select({ density, layout, className, ...props }: Look & SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={controlClass({ density, layout, className })} {...props} />;
}

export function Textarea({ density, layout, className, ...props }: Look & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={controlClass({ density, layout, className })} {...props} />;
}

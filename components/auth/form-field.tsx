import type { InputHTMLAttributes } from "react";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** A labelled input of the sign-in card. */
export function FormField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} className="block text-sm font-medium text-slate-700">
      <Input density="lg" layout="block" {...input} />
    </Field>
  );
}

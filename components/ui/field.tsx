import { cloneElement, useId, type ReactElement, type ReactNode } from "react";

import { cn } from "@/lib/utils";

type ControlProps = { "aria-describedby"?: string; "aria-invalid"?: boolean };
/** The one control a Field labels. */
export type FieldControl = ReactElement<ControlProps>;

/**
 * A labelled form control with an optional hint and an inline error. The label wraps the control
 * (its text is the control's name); hint and error are tied to it with aria-describedby, and an
 * error marks it aria-invalid.
 */
export function Field({
  label,
  hint,
  error,
  className,
  labelClassName,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  labelClassName?: string;
  children: FieldControl;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <label className={cn(className)}>
      {labelClassName ? <span className={labelClassName}>{label}</span> : label}
      {hint ? (
        <span id={hintId} className="mb-1 block text-xs text-slate-500">
          {hint}
        </span>
      ) : null}
      {cloneElement(children, { "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {error ? (
        <span id={errorId} className="mt-1 block text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </label>
  );
}

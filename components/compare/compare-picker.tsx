"use client";

import Form from "next/form";

import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";

/**
 * The two sides to compare, each a cluster's latest scan or a snapshot. Both lists are drawn from
 * one list of options in the page's data, not two hundred option elements sent twice.
 */
export function ComparePicker({
  options,
  a,
  b,
}: {
  options: { id: string; label: string }[];
  a: string | undefined;
  b: string | undefined;
}) {
  return (
    <Form
      action="/compare"
      aria-label="Choose what to compare"
      className={cardClass("mb-6 flex flex-wrap items-end gap-3 text-sm")}
    >
      {(
        [
          ["Left", "a", a],
          ["Right", "b", b],
        ] as const
      ).map(([label, name, value]) => (
        <Field key={name} label={label} className="min-w-0 max-w-full">
          <Select name={name} defaultValue={value ?? ""} layout="stacked" className="w-full max-w-full" required>
            <option value="">Choose…</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Button type="submit">Compare</Button>
      <p className="w-full text-xs text-slate-600">
        Every cluster is listed by its latest scan; in a fleet of more than ten, the recent snapshots of the clusters
        being compared.
      </p>
    </Form>
  );
}

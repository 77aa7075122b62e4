"use client";

import Form from "next/form";

import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { ChoiceField } from "@/components/ui/choose-form";

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
  const choices = options.map((o) => ({ value: o.id, label: o.label }));
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
        <ChoiceField key={name} name={name} label={label} options={choices} value={value} placeholder="Choose…" />
      ))}
      <Button type="submit">Compare</Button>
      <p className="w-full text-xs text-slate-600">
        Every cluster is listed by its latest scan; in a fleet of more than ten, the recent snapshots of the clusters
        being compared.
      </p>
    </Form>
  );
}

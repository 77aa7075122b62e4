"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { cardClass } from "@/components/ui/card";
import { Choice } from "@/components/ui/choice";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { LAYERS, SEVERITIES } from "@/lib/checks/types";
import {
  FINDING_SORTS,
  FINDING_STATUS_LABEL,
  FINDING_STATUSES,
  type FindingFilters as Filters,
} from "@/lib/contracts/findings";

const SORT_LABEL: Record<(typeof FINDING_SORTS)[number], string> = {
  severity: "Worst first",
  newest: "Newest first",
  oldest: "Oldest first",
  resource: "By resource",
};

/** The filters live in the URL: submitting navigates, so a link reproduces the view. */
export function FindingFilters({
  filters,
  clusters,
  checks,
}: {
  filters: Filters;
  clusters: { id: string; name: string }[];
  checks: { id: string; title: string }[];
}) {
  const router = useRouter();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const [key, value] of form.entries()) {
      const v = String(value).trim();
      if (!v) continue;
      if (key === "layer" || key === "severity") params.set(key, [params.get(key), v].filter(Boolean).join(","));
      else params.set(key, v);
    }
    if (filters.snapshot) params.set("snapshot", filters.snapshot);
    router.push(`/findings?${params.toString()}`);
  }

  const checked = (list: readonly string[] | undefined, v: string) => list?.includes(v) ?? false;
  return (
    <form
      onSubmit={submit}
      aria-label="Filter findings"
      className={cardClass("mb-4 grid gap-3 text-sm md:grid-cols-4")}
    >
      <Field label="Search">
        <Input name="q" defaultValue={filters.q} placeholder="name, namespace, message…" layout="block" />
      </Field>
      <Field label="Cluster">
        <Select name="cluster" defaultValue={filters.cluster ?? ""} layout="block">
          <option value="">All clusters</option>
          {clusters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Check">
        <Select name="check" defaultValue={filters.check ?? ""} layout="block">
          <option value="">All checks</option>
          {checks.map((c) => (
            <option key={c.id} value={c.id}>
              {c.id} · {c.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Status">
        <Select name="status" defaultValue={filters.status} layout="block">
          {FINDING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {FINDING_STATUS_LABEL[s]}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset>
        <legend>Layer</legend>
        <div className="mt-1 flex flex-wrap gap-x-3">
          {LAYERS.map((l) => (
            <Choice
              key={l}
              type="checkbox"
              name="layer"
              value={l}
              defaultChecked={checked(filters.layer, l)}
              label={l}
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Severity</legend>
        <div className="mt-1 flex flex-wrap gap-x-3">
          {SEVERITIES.map((s) => (
            <Choice
              key={s}
              type="checkbox"
              name="severity"
              value={s}
              defaultChecked={checked(filters.severity, s)}
              label={s}
            />
          ))}
        </div>
      </fieldset>
      <Field label="Namespace">
        <Input name="namespace" defaultValue={filters.namespace} layout="block" />
      </Field>
      <Field label="Resource kind">
        <Input name="kind" defaultValue={filters.kind} placeholder="Deployment" layout="block" />
      </Field>
      <Field label="First seen from">
        <Input type="date" name="from" defaultValue={filters.from} layout="block" />
      </Field>
      <Field label="First seen to">
        <Input type="date" name="to" defaultValue={filters.to} layout="block" />
      </Field>
      <Field label="Sort">
        <Select name="sort" defaultValue={filters.sort} layout="block">
          {FINDING_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s]}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex items-end gap-2">
        <Button type="submit">Apply filters</Button>
        <ButtonLink href="/findings" variant="secondary" className="px-3 font-normal text-slate-700">
          Reset
        </ButtonLink>
      </div>
    </form>
  );
}

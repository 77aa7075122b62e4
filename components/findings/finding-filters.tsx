"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { FINDING_SORTS, FINDING_STATUS_LABEL, FINDING_STATUSES, type FindingFilters as Filters } from "@/lib/api/schemas/findings";
import { LAYERS, SEVERITIES } from "@/lib/checks/types";

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const SORT_LABEL: Record<(typeof FINDING_SORTS)[number], string> = { severity: "Worst first", newest: "Newest first", oldest: "Oldest first", resource: "By resource" };

/** The filters live in the URL: submitting navigates, so a link reproduces the view. */
export function FindingFilters({ filters, clusters, checks }: { filters: Filters; clusters: { id: string; name: string }[]; checks: { id: string; title: string }[] }) {
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
    <form onSubmit={submit} aria-label="Filter findings" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-4">
      <label>Search<input name="q" defaultValue={filters.q} placeholder="name, namespace, message…" className={INPUT} /></label>
      <label>Cluster
        <select name="cluster" defaultValue={filters.cluster ?? ""} className={INPUT}>
          <option value="">All clusters</option>
          {clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      <label>Check
        <select name="check" defaultValue={filters.check ?? ""} className={INPUT}>
          <option value="">All checks</option>
          {checks.map((c) => <option key={c.id} value={c.id}>{c.id} · {c.title}</option>)}
        </select>
      </label>
      <label>Status
        <select name="status" defaultValue={filters.status} className={INPUT}>
          {FINDING_STATUSES.map((s) => <option key={s} value={s}>{FINDING_STATUS_LABEL[s]}</option>)}
        </select>
      </label>
      <fieldset><legend>Layer</legend>
        <div className="mt-1 flex flex-wrap gap-x-3">
          {LAYERS.map((l) => <label key={l} className="inline-flex items-center gap-1"><input type="checkbox" name="layer" value={l} defaultChecked={checked(filters.layer, l)} />{l}</label>)}
        </div>
      </fieldset>
      <fieldset><legend>Severity</legend>
        <div className="mt-1 flex flex-wrap gap-x-3">
          {SEVERITIES.map((s) => <label key={s} className="inline-flex items-center gap-1"><input type="checkbox" name="severity" value={s} defaultChecked={checked(filters.severity, s)} />{s}</label>)}
        </div>
      </fieldset>
      <label>Namespace<input name="namespace" defaultValue={filters.namespace} className={INPUT} /></label>
      <label>Resource kind<input name="kind" defaultValue={filters.kind} placeholder="Deployment" className={INPUT} /></label>
      <label>First seen from<input type="date" name="from" defaultValue={filters.from} className={INPUT} /></label>
      <label>First seen to<input type="date" name="to" defaultValue={filters.to} className={INPUT} /></label>
      <label>Sort
        <select name="sort" defaultValue={filters.sort} className={INPUT}>
          {FINDING_SORTS.map((s) => <option key={s} value={s}>{SORT_LABEL[s]}</option>)}
        </select>
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800">Apply filters</button>
        <Link href="/findings" className="rounded-md border border-slate-300 px-3 py-2 text-slate-700 hover:bg-slate-50">Reset</Link>
      </div>
    </form>
  );
}

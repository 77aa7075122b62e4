"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/form-field";
import type { ClusterSummary } from "@/lib/api/schemas/clusters";
import { formatUtc } from "@/lib/format-date";
import { fetchJson } from "@/lib/query/fetch-json";

type ConnectionTest =
  | { reachable: true; version: string; resources: { resource: string; readable: boolean; reason?: string }[]; warnings: string[] }
  | { reachable: false; error: string };

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const SCHEDULES = [[15, "every 15 minutes"], [60, "hourly"], [360, "every 6 hours"], [1440, "daily"], [10080, "weekly"]] as const;

function TestResult({ result }: { result: ConnectionTest }) {
  if (!result.reachable) return <p role="alert" className="mt-2 rounded bg-red-50 p-2 text-sm text-red-900">Not reachable: {result.error}</p>;
  const unreadable = result.resources.filter((r) => !r.readable);
  return (
    <div role="status" className="mt-2 rounded bg-emerald-50 p-2 text-sm text-emerald-950">
      <p>Reachable · Kubernetes {result.version} · {result.resources.length - unreadable.length} of {result.resources.length} resources readable.</p>
      {unreadable.length ? <ul className="mt-1 list-disc pl-5 text-amber-900">{unreadable.map((r) => <li key={r.resource}>{r.resource}: {r.reason}</li>)}</ul> : null}
      {result.warnings.map((w) => <p key={w} className="text-amber-900">{w}</p>)}
    </div>
  );
}

/** The clusters Bulwark scans: add (kubeconfig context or upload), test, schedule, disable, delete. */
export function ClusterSettings({ clusters }: { clusters: ClusterSummary[] }) {
  const router = useRouter();
  const [source, setSource] = useState<"kubeconfig_upload" | "kubeconfig_context">("kubeconfig_upload");
  const [tests, setTests] = useState<Record<string, ConnectionTest>>({});
  const add = useMutation({
    mutationFn: (body: Record<string, unknown>) => fetchJson<{ id: string; warnings: string[] }>("/api/clusters", { method: "POST", body }),
    onSuccess: async (r) => {
      await fetchJson(`/api/clusters/${r.id}/scans`, { method: "POST" }).catch(() => undefined);
      router.refresh();
    },
  });
  const change = useMutation({
    mutationFn: ({ id, ...body }: { id: string; scheduleMinutes?: number; enabled?: boolean }) => fetchJson(`/api/clusters/${id}`, { method: "PATCH", body }),
    onSettled: () => router.refresh(),
  });
  const remove = useMutation({ mutationFn: (id: string) => fetchJson(`/api/clusters/${id}`, { method: "DELETE" }), onSettled: () => router.refresh() });
  const test = useMutation({
    mutationFn: (id: string) => fetchJson<{ data: ConnectionTest }>(`/api/clusters/${id}/connection-test`, { method: "POST" }).then((r) => [id, r.data] as const),
    onSuccess: ([id, result]) => setTests((t) => ({ ...t, [id]: result })),
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    const text = file instanceof File && file.size > 0 ? await file.text() : String(form.get("kubeconfig") ?? "");
    const contextName = String(form.get("contextName") ?? "").trim() || undefined;
    add.mutate({ source, name: String(form.get("name")), scheduleMinutes: Number(form.get("scheduleMinutes")), contextName, ...(source === "kubeconfig_upload" ? { kubeconfig: text } : {}) });
  }

  const error = add.error ?? change.error ?? remove.error ?? test.error;
  return (
    <div className="space-y-6">
      <section aria-labelledby="clusters-heading">
        <h2 id="clusters-heading" className="mb-2 text-base font-semibold text-slate-900">Clusters</h2>
        <FormError message={error?.message ?? null} />
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {clusters.map((c) => (
            <li key={c.id} data-testid={`cluster-${c.name}`} className="px-4 py-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div>
                  <p className="font-medium text-slate-900">{c.name}{c.isDemo ? " (demo)" : ""}{c.enabled ? "" : " · disabled"}</p>
                  <p className="text-xs text-slate-500">{c.source.replace(/_/g, " ")} · {c.lastScanAt ? `last scan ${formatUtc(c.lastScanAt)} UTC, ${c.lastStatus}` : "not scanned yet"}</p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <label className="text-xs text-slate-600">Schedule{" "}
                    <select aria-label={`Schedule of ${c.name}`} value={c.scheduleMinutes} onChange={(e) => change.mutate({ id: c.id, scheduleMinutes: Number(e.target.value) })} className="rounded border border-slate-300 px-1 py-0.5">
                      {SCHEDULES.map(([m, l]) => <option key={m} value={m}>{l}</option>)}
                    </select>
                  </label>
                  <button type="button" className="rounded border border-slate-300 px-2 py-1 text-xs" onClick={() => test.mutate(c.id)} disabled={test.isPending}>Test connection</button>
                  <button type="button" className="rounded border border-slate-300 px-2 py-1 text-xs" onClick={() => change.mutate({ id: c.id, enabled: !c.enabled })}>{c.enabled ? "Disable" : "Enable"}</button>
                  <button
                    type="button"
                    className="rounded border border-red-300 px-2 py-1 text-xs text-red-700"
                    onClick={() => {
                      if (window.confirm(`Delete ${c.name} with its whole history?`)) remove.mutate(c.id);
                    }}
                  >
                    Delete
                  </button>
                </div>
              </div>
              {tests[c.id] ? <TestResult result={tests[c.id]!} /> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="add-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="add-heading" className="mb-3 text-base font-semibold text-slate-900">Add a cluster</h2>
        <form onSubmit={(e) => void submit(e)} aria-label="Add a cluster" className="grid gap-3 md:grid-cols-2">
          <label>Name (lowercase, digits, dashes)<input name="name" required pattern="[a-z0-9]([a-z0-9\-]*[a-z0-9])?" maxLength={63} className={INPUT} /></label>
          <label>Schedule
            <select name="scheduleMinutes" defaultValue={360} className={INPUT}>{SCHEDULES.map(([m, l]) => <option key={m} value={m}>{l}</option>)}</select>
          </label>
          <fieldset className="md:col-span-2">
            <legend>How to reach it</legend>
            <label className="mr-4 inline-flex items-center gap-1"><input type="radio" name="source" checked={source === "kubeconfig_upload"} onChange={() => setSource("kubeconfig_upload")} /> upload a kubeconfig (stored encrypted)</label>
            <label className="inline-flex items-center gap-1"><input type="radio" name="source" checked={source === "kubeconfig_context"} onChange={() => setSource("kubeconfig_context")} /> a context of the server&apos;s kubeconfig</label>
          </fieldset>
          {source === "kubeconfig_upload" ? (
            <>
              <label className="md:col-span-2">Kubeconfig (paste, or choose a file below)<textarea name="kubeconfig" rows={5} className={`${INPUT} font-mono text-xs`} /></label>
              <label>Kubeconfig file<input type="file" name="file" accept=".yaml,.yml,.conf,text/yaml" className={INPUT} /></label>
            </>
          ) : null}
          <label>Context {source === "kubeconfig_upload" ? "(optional: the file's current context)" : ""}<input name="contextName" required={source === "kubeconfig_context"} className={INPUT} /></label>
          <div className="md:col-span-2">
            <button type="submit" disabled={add.isPending} className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60">Add and scan</button>
            <span className="ml-3 text-xs text-slate-500">Kubeconfigs may not run exec or auth-provider commands unless the operator allows it.</span>
          </div>
        </form>
      </section>
    </div>
  );
}

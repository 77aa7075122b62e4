"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Choice } from "@/components/ui/choice";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { ClusterSummary } from "@/lib/contracts/clusters";
import { formatUtc } from "@/lib/format-date";
import { clusterMutations, type ConnectionTest } from "@/lib/query/clusters";

const SCHEDULES = [
  [15, "every 15 minutes"],
  [60, "hourly"],
  [360, "every 6 hours"],
  [1440, "daily"],
  [10080, "weekly"],
] as const;

function TestResult({ result }: { result: ConnectionTest }) {
  if (!result.reachable)
    return (
      <p role="alert" className="mt-2 rounded bg-red-50 p-2 text-sm text-red-900">
        Not reachable: {result.error}
      </p>
    );
  const unreadable = result.resources.filter((r) => !r.readable);
  return (
    <div role="status" className="mt-2 rounded bg-emerald-50 p-2 text-sm text-emerald-950">
      <p>
        Reachable · Kubernetes {result.version} · {result.resources.length - unreadable.length} of{" "}
        {result.resources.length} resources readable.
      </p>
      {unreadable.length ? (
        <ul className="mt-1 list-disc pl-5 text-amber-900">
          {unreadable.map((r) => (
            <li key={r.resource}>
              {r.resource}: {r.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {result.warnings.map((w) => (
        <p key={w} className="text-amber-900">
          {w}
        </p>
      ))}
    </div>
  );
}

/** The clusters Bulwark scans: add (kubeconfig context or upload), test, schedule, disable, delete. */
export function ClusterSettings({ clusters }: { clusters: ClusterSummary[] }) {
  const router = useRouter();
  const [source, setSource] = useState<"kubeconfig_upload" | "kubeconfig_context">("kubeconfig_upload");
  const [tests, setTests] = useState<Record<string, ConnectionTest>>({});
  const queryClient = useQueryClient();
  const add = useMutation({ ...clusterMutations.add(queryClient), onSuccess: () => router.refresh() });
  const change = useMutation({ ...clusterMutations.update(queryClient), onSettled: () => router.refresh() });
  const remove = useMutation({ ...clusterMutations.remove(queryClient), onSettled: () => router.refresh() });
  const test = useMutation({
    ...clusterMutations.testConnection(),
    onSuccess: ([id, result]) => setTests((t) => ({ ...t, [id]: result })),
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    const text = file instanceof File && file.size > 0 ? await file.text() : String(form.get("kubeconfig") ?? "");
    const contextName = String(form.get("contextName") ?? "").trim() || undefined;
    add.mutate({
      source,
      name: String(form.get("name")),
      scheduleMinutes: Number(form.get("scheduleMinutes")),
      contextName,
      ...(source === "kubeconfig_upload" ? { kubeconfig: text } : {}),
    });
  }

  const error = add.error ?? change.error ?? remove.error ?? test.error;
  return (
    <div className="space-y-6">
      <section aria-labelledby="clusters-heading">
        <CardTitle id="clusters-heading" className="text-slate-900">
          Clusters
        </CardTitle>
        <FormError message={error?.message ?? null} />
        <Card as="ul" className="divide-y divide-slate-200 p-0">
          {clusters.map((c) => (
            <li key={c.id} data-testid={`cluster-${c.name}`} className="px-4 py-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div>
                  <p className="font-medium text-slate-900">
                    {c.name}
                    {c.isDemo ? " (demo)" : ""}
                    {c.enabled ? "" : " · disabled"}
                  </p>
                  <p className="text-xs text-slate-500">
                    {c.source.replace(/_/g, " ")} ·{" "}
                    {c.lastScanAt ? `last scan ${formatUtc(c.lastScanAt)} UTC, ${c.lastStatus}` : "not scanned yet"}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <label className="text-xs text-slate-600">
                    Schedule{" "}
                    <Select
                      aria-label={`Schedule of ${c.name}`}
                      value={c.scheduleMinutes}
                      onChange={(e) => change.mutate({ id: c.id, scheduleMinutes: Number(e.target.value) })}
                      density="sm"
                    >
                      {SCHEDULES.map(([m, l]) => (
                        <option key={m} value={m}>
                          {l}
                        </option>
                      ))}
                    </Select>
                  </label>
                  <Button
                    variant="secondary"
                    size="compact"
                    className="text-inherit"
                    onClick={() => test.mutate(c.id)}
                    disabled={test.isPending}
                  >
                    Test connection
                  </Button>
                  <Button
                    variant="secondary"
                    size="compact"
                    className="text-inherit"
                    onClick={() => change.mutate({ id: c.id, enabled: !c.enabled })}
                  >
                    {c.enabled ? "Disable" : "Enable"}
                  </Button>
                  <Button
                    variant="danger"
                    size="compact"
                    onClick={() => {
                      if (window.confirm(`Delete ${c.name} with its whole history?`)) remove.mutate(c.id);
                    }}
                  >
                    Delete
                  </Button>
                </div>
              </div>
              {tests[c.id] ? <TestResult result={tests[c.id]!} /> : null}
            </li>
          ))}
        </Card>
      </section>
      <Card aria-labelledby="add-heading" className="text-sm">
        <CardTitle id="add-heading" className="mb-3 text-slate-900">
          Add a cluster
        </CardTitle>
        <form onSubmit={(e) => void submit(e)} aria-label="Add a cluster" className="grid gap-3 md:grid-cols-2">
          <Field label="Name (lowercase, digits, dashes)">
            <Input name="name" required pattern="[a-z0-9]([a-z0-9\-]*[a-z0-9])?" maxLength={63} layout="block" />
          </Field>
          <Field label="Schedule">
            <Select name="scheduleMinutes" defaultValue={360} layout="block">
              {SCHEDULES.map(([m, l]) => (
                <option key={m} value={m}>
                  {l}
                </option>
              ))}
            </Select>
          </Field>
          <fieldset className="md:col-span-2">
            <legend>How to reach it</legend>
            <Choice
              className="mr-4"
              type="radio"
              name="source"
              checked={source === "kubeconfig_upload"}
              onChange={() => setSource("kubeconfig_upload")}
              label="upload a kubeconfig (stored encrypted)"
            />
            <Choice
              type="radio"
              name="source"
              checked={source === "kubeconfig_context"}
              onChange={() => setSource("kubeconfig_context")}
              label={<>a context of the server&apos;s kubeconfig</>}
            />
          </fieldset>
          {source === "kubeconfig_upload" ? (
            <>
              <Field label="Kubeconfig (paste, or choose a file below)" className="md:col-span-2">
                <Textarea name="kubeconfig" rows={5} layout="block" className="font-mono text-xs" />
              </Field>
              <Field label="Kubeconfig file">
                <Input type="file" name="file" accept=".yaml,.yml,.conf,text/yaml" layout="block" />
              </Field>
            </>
          ) : null}
          <label>
            Context {source === "kubeconfig_upload" ? "(optional: the file's current context)" : ""}
            <Input name="contextName" required={source === "kubeconfig_context"} layout="block" />
          </label>
          <div className="md:col-span-2">
            <Button type="submit" disabled={add.isPending}>
              Add and scan
            </Button>
            <span className="ml-3 text-xs text-slate-500">
              Kubeconfigs may not run exec or auth-provider commands unless the operator allows it.
            </span>
          </div>
        </form>
      </Card>
    </div>
  );
}

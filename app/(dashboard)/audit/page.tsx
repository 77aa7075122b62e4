import Form from "next/form";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { requirePageCaller } from "@/lib/api/page-caller";
import { ZAuditFilters } from "@/lib/api/schemas/audit";
import { listAuditEvents } from "@/lib/db/audit/list-audit-events";
import { formatUtc } from "@/lib/format-date";

export const metadata = { title: "Audit log" };

const ACTIONS = [
  ["", "Every action"], ["auth.", "Sign-ins"], ["auth.sign_in_failed", "Failed sign-ins"], ["cluster.", "Clusters"], ["scan.", "Scans"],
  ["suppression.", "Accepted risks"], ["export.", "Exports"], ["user.", "Users and roles"], ["token.", "API tokens"],
] as const;
const INPUT = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageCaller("admin");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => v));
  const parsed = ZAuditFilters.safeParse(raw);
  const filters = parsed.success ? parsed.data : ZAuditFilters.parse({});
  const page = await listAuditEvents(filters);
  const exportParams = new URLSearchParams(Object.entries(raw).filter(([k]) => k !== "cursor") as [string, string][]);
  return (
    <>
      <PageHeader title="Audit log" description="Who did what, when and from where. Append-only: the database refuses to change or delete an entry." />
      <Form action="/audit" aria-label="Filter the audit log" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <label>Action<select name="action" defaultValue={filters.action ?? ""} className={INPUT}>{ACTIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}</select></label>
        <label>Who (email)<input name="actor" defaultValue={filters.actor} className={INPUT} /></label>
        <label>From<input type="date" name="from" defaultValue={filters.from} className={INPUT} /></label>
        <label>To<input type="date" name="to" defaultValue={filters.to} className={INPUT} /></label>
        <button type="submit" className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800">Filter</button>
        <a href={`/api/audit/export.csv?${exportParams.toString()}`} download className="rounded-md border border-slate-300 px-3 py-2 font-medium text-slate-800 hover:bg-slate-50">Export CSV</a>
      </Form>
      {!parsed.success ? <p role="alert" className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">Some filters were not valid and were ignored.</p> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit events, newest first</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr><th className="px-3 py-2">When (UTC)</th><th className="px-3 py-2">Who</th><th className="px-3 py-2">From</th><th className="px-3 py-2">Action</th><th className="px-3 py-2">Target</th><th className="px-3 py-2">Details</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.data.map((e) => (
              <tr key={e.id} data-testid="audit-row" className="align-top">
                <td className="whitespace-nowrap px-3 py-2">{formatUtc(e.at, "medium")}</td>
                <td className="px-3 py-2 break-all">{e.actorEmail ?? "system"}</td>
                <td className="px-3 py-2">{e.ip ?? "—"}</td>
                <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-3 py-2 text-xs">{e.targetType ? `${e.targetType} ${e.targetId}` : "—"}</td>
                <td className="max-w-md px-3 py-2 font-mono text-xs break-all text-slate-600">{e.details === "{}" ? "" : e.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.data.length === 0 ? <p className="mt-3 text-sm text-slate-600">No events match.</p> : null}
      {page.nextCursor ? <p className="mt-3 text-sm"><Link className="text-sky-800 underline" href={`/audit?${new URLSearchParams({ ...raw, cursor: page.nextCursor }).toString()}`}>Older events</Link></p> : null}
    </>
  );
}

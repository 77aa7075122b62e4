import Form from "next/form";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { Button, buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { BoxedTable, Td } from "@/components/ui/table";
import { requirePageCaller } from "@/lib/api/page-caller";
import { ZAuditFilters } from "@/lib/contracts/audit";
import { listAuditEvents } from "@/lib/db/audit/list-audit-events";
import { formatUtc } from "@/lib/format-date";

export const metadata = { title: "Audit log" };

const ACTIONS = [
  ["", "Every action"],
  ["auth.", "Sign-ins"],
  ["auth.sign_in_failed", "Failed sign-ins"],
  ["cluster.", "Clusters"],
  ["scan.", "Scans"],
  ["suppression.", "Accepted risks"],
  ["export.", "Exports"],
  ["user.", "Users and roles"],
  ["token.", "API tokens"],
] as const;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePageCaller("admin");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => v));
  const parsed = ZAuditFilters.safeParse(raw);
  const filters = parsed.success ? parsed.data : ZAuditFilters.parse({});
  const page = await listAuditEvents(filters);
  const exportParams = new URLSearchParams(Object.entries(raw).filter(([k]) => k !== "cursor") as [string, string][]);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, when and from where. Append-only: the database refuses to change or delete an entry."
      />
      <Form
        action="/audit"
        aria-label="Filter the audit log"
        className={cardClass("mb-4 flex flex-wrap items-end gap-3 text-sm")}
      >
        <Field label="Action">
          <Select name="action" defaultValue={filters.action ?? ""} layout="stacked">
            {ACTIONS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Who (email)">
          <Input name="actor" defaultValue={filters.actor} layout="stacked" />
        </Field>
        <Field label="From">
          <Input type="date" name="from" defaultValue={filters.from} layout="stacked" />
        </Field>
        <Field label="To">
          <Input type="date" name="to" defaultValue={filters.to} layout="stacked" />
        </Field>
        <Button type="submit">Filter</Button>
        <a
          href={`/api/audit/export.csv?${exportParams.toString()}`}
          download
          className={buttonClass({ variant: "secondary", className: "px-3" })}
        >
          Export CSV
        </a>
      </Form>
      {!parsed.success ? (
        <Notice role="alert" tone="warning" className="mb-4">
          Some filters were not valid and were ignored.
        </Notice>
      ) : null}
      <BoxedTable
        framed
        caption="Audit events, newest first"
        columns={["When (UTC)", "Who", "From", "Action", "Target", "Details"]}
      >
        {page.data.map((e) => (
          <tr key={e.id} data-testid="audit-row" className="align-top">
            <Td look="boxed" className="whitespace-nowrap">
              {formatUtc(e.at, "medium")}
            </Td>
            <Td look="boxed" className="break-all">
              {e.actorEmail ?? "system"}
            </Td>
            <Td look="boxed">{e.ip ?? "—"}</Td>
            <Td look="boxed" className="font-mono text-xs">
              {e.action}
            </Td>
            <Td look="boxed" className="text-xs">
              {e.targetType ? `${e.targetType} ${e.targetId}` : "—"}
            </Td>
            <Td look="boxed" className="max-w-md font-mono text-xs break-all text-slate-600">
              {e.details === "{}" ? "" : e.details}
            </Td>
          </tr>
        ))}
      </BoxedTable>
      {page.data.length === 0 ? <p className="mt-3 text-sm text-slate-600">No events match.</p> : null}
      {page.nextCursor ? (
        <p className="mt-3 text-sm">
          <Link
            className="text-sky-800 underline"
            href={`/audit?${new URLSearchParams({ ...raw, cursor: page.nextCursor }).toString()}`}
          >
            Older events
          </Link>
        </p>
      ) : null}
    </>
  );
}

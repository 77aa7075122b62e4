import Link from "next/link";

import { FindingFilters } from "@/components/findings/finding-filters";
import { FindingsTable } from "@/components/findings/findings-table";
import { PageHeader } from "@/components/layout/page-header";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { hasRole } from "@/lib/access/roles";
import { requirePageCaller } from "@/lib/api/page-caller";
import { listCheckCatalog } from "@/lib/checks/list-check-catalog";
import { ZFindingListQuery } from "@/lib/contracts/findings";
import { listClusterNames } from "@/lib/db/clusters/list-clusters";
import { listFindings } from "@/lib/db/findings/list-findings";

export const metadata = { title: "Findings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The URL's query as one string per key (repeated keys joined by commas, as the API takes them). */
function flatten(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(",") : v]])),
  );
}

export default async function FindingsPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requirePageCaller();
  const raw = flatten(await searchParams);
  const parsed = ZFindingListQuery.safeParse(raw);
  const [clusters, checks] = [await listClusterNames(), listCheckCatalog()];
  const header = (
    <PageHeader
      title="Findings"
      description="Every failed check, with the resource it concerns, across clusters. The filters are in the address: share it to share the view."
    />
  );
  if (clusters.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No findings to show">
          Findings appear after the first scan of a cluster. Add a cluster in Settings, or check a folder of manifests
          from the command line with{" "}
          <code className="rounded bg-slate-100 px-1">npm run bulwark -- scan --manifests PATH</code>.
        </EmptyState>
      </>
    );
  }
  if (!parsed.success) {
    return (
      <>
        {header}
        <Notice role="alert" tone="danger">
          The filters in this address are not valid (
          {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}).{" "}
          <Link href="/findings" className="underline">
            Reset the filters
          </Link>
          .
        </Notice>
      </>
    );
  }
  const query = parsed.data;
  const page = await listFindings(query);
  const { cursor: _cursor, before: _before, limit: _limit, ...filters } = query;
  const exportParams = new URLSearchParams(
    Object.entries(raw).filter(([k]) => k !== "cursor" && k !== "before" && k !== "limit"),
  );
  /** This view's address on another page: `after` or `before` a cursor, or the first page. */
  const pageHref = (at: { cursor: string } | { before: string } | null) => {
    const params = new URLSearchParams(Object.entries(raw).filter(([k]) => k !== "cursor" && k !== "before"));
    for (const [k, v] of Object.entries(at ?? {})) params.set(k, v);
    return `/findings?${params.toString()}`;
  };
  const laterPage = query.cursor !== undefined || query.before !== undefined;
  return (
    <>
      {header}
      <FindingFilters
        key={JSON.stringify(filters)}
        filters={filters}
        clusters={clusters}
        checks={checks.map((c) => ({ id: c.id, title: c.title }))}
      />
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <p aria-live="polite">
          {page.data.length === 0
            ? "No findings match these filters."
            : `${laterPage ? "This page shows" : "Showing"} ${page.data.length}${page.nextCursor ? "+" : ""} ${page.data.length === 1 && !page.nextCursor ? "finding" : "findings"}${laterPage ? " (a later page)" : ""}.`}
          {query.snapshot ? " Only findings present in the selected snapshot." : ""}
        </p>
        {hasRole(caller.role, "analyst") ? (
          <a
            href={`/api/findings/export.csv?${exportParams.toString()}`}
            download
            className={buttonClass({ variant: "secondary", size: "sm", className: "bg-white" })}
          >
            Export CSV
          </a>
        ) : null}
      </div>
      {page.data.length ? <FindingsTable rows={page.data} /> : null}
      <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
        {laterPage ? (
          <Link href={pageHref(null)} className="text-sky-800 underline">
            First page
          </Link>
        ) : null}
        {page.prevCursor ? (
          <Link href={pageHref({ before: page.prevCursor })} className="text-sky-800 underline">
            Previous page
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={pageHref({ cursor: page.nextCursor })} className="text-sky-800 underline">
            Next page
          </Link>
        ) : null}
      </nav>
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";

import { NO_STANDING } from "@/components/checks/check-catalog";
import { CheckDetail } from "@/components/checks/check-detail";
import { SeverityBadge } from "@/components/checks/severity-badge";
import { PageHeader } from "@/components/layout/page-header";
import { checkStanding } from "@/lib/checks/check-standing";
import { getCheck } from "@/lib/checks/registry";
import { countScannedClusters } from "@/lib/db/checks/count-scanned-clusters";
import { listCheckStandings } from "@/lib/db/checks/list-check-standings";
import { getCheckSettings } from "@/lib/db/settings/check-settings";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: getCheck(decodeURIComponent((await params).id))?.title ?? "Check" };
}

/** One check: what it looks for and why, how to fix it, and where it stands in every cluster. */
export default async function CheckPage({ params }: Props) {
  const check = getCheck(decodeURIComponent((await params).id));
  if (!check) notFound();
  const [standings, scannedClusters, settings] = await Promise.all([
    listCheckStandings(null, check.id),
    countScannedClusters(),
    getCheckSettings(),
  ]);
  const standing = standings.get(check.id) ?? NO_STANDING;
  const off = settings.disabledChecks.includes(check.id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/checks" className="text-sky-800 underline">
          Checks
        </Link>{" "}
        / <span className="capitalize">{check.layer}</span> layer
      </p>
      <PageHeader title={check.title} />
      <p className="mb-4 flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <SeverityBadge severity={settings.severityOverrides[check.id] ?? check.severity} />
        {settings.severityOverrides[check.id] ? (
          <span className="text-xs text-slate-500">(default {check.severity})</span>
        ) : null}
        <code className="font-mono text-xs text-slate-500">{check.id}</code>
        <span data-testid={`failing-${check.id}`}>
          {off
            ? "switched off in settings: not run"
            : checkStanding(standing.failing.count, standing.unjudged, scannedClusters)}
        </span>
      </p>
      <CheckDetail check={check} standing={standing} />
    </>
  );
}

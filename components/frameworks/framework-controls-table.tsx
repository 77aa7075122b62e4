import type { StoredControl } from "@/lib/contracts/frameworks";
import { controlStanding } from "@/lib/frameworks/control-standing";
import type { StatusCounts } from "@/lib/frameworks/summarise-framework";
import type { Control, Framework } from "@/lib/frameworks/types";

import { FrameworkControlsView } from "./framework-controls-view";

const judgedBy = (c: Control) =>
  c.judged.by === "automated"
    ? `${c.judged.checks.length} check${c.judged.checks.length === 1 ? "" : "s"}`
    : c.judged.by === "manual"
      ? "manual"
      : "not applicable";

const line = (c: Control) => ({ id: c.id, section: c.section, title: c.title, judgedBy: judgedBy(c) });

/** A framework's controls by section, one status column per cluster (from its latest completed snapshot). */
export function FrameworkControlsTable({
  framework,
  controls,
  clusters,
  latest,
}: {
  framework: Framework;
  controls: readonly Control[];
  clusters: { id: string; name: string }[];
  latest: StoredControl[];
}) {
  const cell = new Map(latest.map((s) => [`${s.clusterId}\u0000${s.controlId}`, s]));
  return (
    <FrameworkControlsView
      frameworkId={framework.id}
      clusters={clusters.map(({ id, name }) => ({ id, name }))}
      lines={controls.map((c) => ({
        ...line(c),
        cells: clusters.map((cl) => {
          const s = cell.get(`${cl.id}\u0000${c.id}`);
          return s ? { status: s.status, attested: s.attested, failingCount: s.failingCount } : null;
        }),
      }))}
    />
  );
}

/** A framework's controls by section across a fleet too big for a column per cluster: each control's standing. */
export function FrameworkControlsSummary({
  framework,
  controls,
  tally,
}: {
  framework: Framework;
  controls: readonly Control[];
  tally: Map<string, StatusCounts>;
}) {
  return (
    <FrameworkControlsView
      frameworkId={framework.id}
      clusters={null}
      lines={controls.map((c) => ({
        ...line(c),
        standing: controlStanding(tally.get(c.id)),
        failing: tally.get(c.id)?.fail ?? 0,
      }))}
    />
  );
}

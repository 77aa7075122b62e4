// The report form's cluster boxes: shown for a small fleet; for a bigger one behind a summary that
// says what is chosen, open when some are ticked.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { ClusterChoices } from "@/components/reports/cluster-choices";

const fleet = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `cluster-${i}` }));
const html = (n: number, ticked: string[]) =>
  renderToStaticMarkup(createElement(ClusterChoices, { clusters: fleet(n), ticked }));
const boxes = (markup: string) => markup.match(/type="checkbox"/g)?.length ?? 0;

describe("report form cluster choices", () => {
  it("shows a box per cluster in a small fleet", () => {
    const markup = html(10, ["c3"]);
    expect(markup).not.toContain("<details");
    expect(boxes(markup)).toBe(10);
    expect(markup.match(/checked=""/g)).toHaveLength(1);
  });

  it("folds a bigger fleet's boxes under what is chosen, open when some are ticked", () => {
    const none = html(11, []);
    expect(none).toMatch(/<details class="mt-1"><summary[^>]*>Every cluster \(11\); choose some<\/summary>/);
    expect(boxes(none)).toBe(11);
    // An id of no listed cluster (a stale address) counts for nothing.
    const two = html(11, ["c1", "c7", "gone"]);
    expect(two).toMatch(/<details open="" class="mt-1"><summary[^>]*>2 of 11 clusters ticked<\/summary>/);
  });
});

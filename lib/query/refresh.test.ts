// A list whose first read is still running when a change lands shows the change, not the read
// from before it: the race an admin hit inviting a user while the users list was still loading.
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";

import { refreshAfterChange } from "./refresh";

describe("refreshAfterChange", () => {
  it("reads again after a change even when the list's first read is still running", async () => {
    const client = new QueryClient();
    let stored = ["admin"];
    const reads: string[][] = [];
    const observer = new QueryObserver(client, {
      queryKey: ["users"],
      queryFn: async ({ signal }) => {
        const seen = [...stored];
        await new Promise((resolve, reject) => {
          const t = setTimeout(resolve, 50);
          signal.addEventListener("abort", () => (clearTimeout(t), reject(signal.reason)));
        });
        reads.push(seen);
        return seen;
      },
    });
    const unsubscribe = observer.subscribe(() => {});
    await new Promise((r) => setTimeout(r, 10)); // the first read has begun
    stored = ["admin", "dana"];
    await refreshAfterChange(client, ["users"]);
    expect(client.getQueryData(["users"])).toEqual(["admin", "dana"]);
    expect(reads).toEqual([["admin", "dana"]]);
    unsubscribe();
  });
});

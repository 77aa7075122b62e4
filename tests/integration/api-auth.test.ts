import { describe, expect, it } from "vitest";

import { GET as getChecks } from "@/app/api/checks/route";

const context = { params: Promise.resolve({}) };

describe("API access", () => {
  it("refuses the check catalog to a caller without a session", async () => {
    const res = await getChecks(new Request("http://localhost/api/checks"), context);
    expect(res.status).toBe(401);
  });
});

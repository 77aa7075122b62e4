import { isDeepStrictEqual } from "node:util";
import { audit } from "@/lib/api/audit";
import { ZCheckSettingsUpdate } from "@/lib/api/schemas/settings";
import { withRoute } from "@/lib/api/with-route";
import { DEFAULT_SETTINGS } from "@/lib/checks/settings";
import { getCheckSettings, saveCheckSettings } from "@/lib/db/settings/check-settings";

export const runtime = "nodejs";

// GET /api/settings/checks – the check settings scans use, and the defaults
export const GET = withRoute({ role: "viewer", handler: async () => ({ data: await getCheckSettings(), defaults: DEFAULT_SETTINGS }) });

// PUT /api/settings/checks – replace the check settings (admins); the change is audited field by field
export const PUT = withRoute({
  role: "admin",
  body: ZCheckSettingsUpdate,
  handler: async ({ body, caller }) => {
    const before = await getCheckSettings();
    await saveCheckSettings(body, caller.userId);
    const changes = Object.fromEntries(
      (Object.keys(body) as (keyof typeof body)[]).filter((k) => !isDeepStrictEqual(before[k], body[k])).map((k) => [k, { from: before[k], to: body[k] }]),
    );
    await audit(caller, "settings.checks_updated", { type: "settings", id: "checks" }, { changes });
    return { data: body };
  },
});

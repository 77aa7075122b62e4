import { withRoute } from "@/lib/api/with-route";
import { DEFAULT_SETTINGS } from "@/lib/checks/settings";
import { ZCheckSettingsUpdate } from "@/lib/contracts/settings";
import { getCheckSettings } from "@/lib/db/settings/check-settings";
import { updateCheckSettings } from "@/lib/settings/update-check-settings";

export const runtime = "nodejs";

// GET /api/settings/checks – the check settings scans use, and the defaults
export const GET = withRoute({
  role: "viewer",
  handler: async () => ({ data: await getCheckSettings(), defaults: DEFAULT_SETTINGS }),
});

// PUT /api/settings/checks – replace the check settings (admins); the change is audited field by field
export const PUT = withRoute({
  role: "admin",
  body: ZCheckSettingsUpdate,
  handler: async ({ body, caller }) => ({ data: await updateCheckSettings(body, caller) }),
});

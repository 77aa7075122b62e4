import { isDeepStrictEqual } from "node:util";

import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import type { CheckSettings } from "@/lib/checks/settings";
import { getCheckSettings, saveCheckSettings } from "@/lib/db/settings/check-settings";

/** Replaces the check settings the next scan of every cluster uses; the change is audited field by field. */
export async function updateCheckSettings(settings: CheckSettings, actor: Caller): Promise<CheckSettings> {
  const before = await getCheckSettings();
  await saveCheckSettings(settings, actor.userId);
  const changes = Object.fromEntries(
    (Object.keys(settings) as (keyof CheckSettings)[])
      .filter((k) => !isDeepStrictEqual(before[k], settings[k]))
      .map((k) => [k, { from: before[k], to: settings[k] }]),
  );
  await audit(actor, "settings.checks_updated", { type: "settings", id: "checks" }, { changes });
  return settings;
}

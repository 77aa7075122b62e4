import { DEFAULT_SETTINGS, ZCheckSettings, type CheckSettings } from "@/lib/checks/settings";
import { AppError } from "@/lib/errors";

import { getPrisma } from "../client";

const KEY = "checks";

/** The check settings scans use: the saved ones (fields added since filled with defaults), or the defaults. */
export async function getCheckSettings(): Promise<CheckSettings> {
  const row = await getPrisma().setting.findUnique({ where: { key: KEY } });
  if (!row) return DEFAULT_SETTINGS;
  const parsed = ZCheckSettings.safeParse(row.value);
  if (!parsed.success)
    throw new AppError("INTERNAL", {
      userMessage: `The saved check settings are invalid (${parsed.error.issues[0]?.message}); save them again in Settings.`,
    });
  return parsed.data;
}

/** Saves the check settings; the next scan of every cluster uses them. */
export async function saveCheckSettings(settings: CheckSettings, updatedById: string): Promise<void> {
  await getPrisma().setting.upsert({
    where: { key: KEY },
    create: { key: KEY, value: settings, updatedById },
    update: { value: settings, updatedById },
  });
}

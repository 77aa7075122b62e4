import { mutationOptions } from "@tanstack/react-query";

import type { CheckSettings } from "@/lib/checks/settings";
import type { Severity } from "@/lib/checks/types";
import type { NotificationSettingsView } from "@/lib/contracts/notifications";

import { fetchJson } from "./fetch-json";

export const settingsKeys = {
  checks: ["settings", "checks"] as const,
  notifications: ["settings", "notifications"] as const,
};

export type NotificationTestResult = { ok: boolean; status: number | null; error?: string };

export const settingsMutations = {
  saveChecks: () =>
    mutationOptions({
      mutationKey: [...settingsKeys.checks, "save"],
      mutationFn: (body: CheckSettings) =>
        fetchJson<{ data: CheckSettings }>("/api/settings/checks", { method: "PUT", body }),
    }),
  saveNotifications: () =>
    mutationOptions({
      mutationKey: [...settingsKeys.notifications, "save"],
      mutationFn: (body: { webhookUrl: string | null; minSeverity: Severity; rotateSecret: boolean }) =>
        fetchJson<{ data: NotificationSettingsView; secret?: string }>("/api/settings/notifications", {
          method: "PUT",
          body,
        }),
    }),
  testNotifications: () =>
    mutationOptions({
      mutationKey: [...settingsKeys.notifications, "test"],
      mutationFn: () =>
        fetchJson<{ data: NotificationTestResult }>("/api/settings/notifications/test", { method: "POST" }).then(
          (r) => r.data,
        ),
    }),
};

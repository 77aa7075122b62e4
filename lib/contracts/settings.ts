import { z } from "zod";

import { getCheck } from "@/lib/checks/registry";
import { ZCheckSettings } from "@/lib/checks/settings";
import { SEVERITIES } from "@/lib/checks/types";

const knownCheck = z
  .string()
  .refine((id) => getCheck(id) !== undefined, { error: (issue) => `no check has the id ${String(issue.input)}` });
const namespace = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "a namespace name: lowercase letters, digits and dashes")
  .max(63);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(200);

/** Check settings as an admin saves them: the CLI's settings file, with every check id known. */
export const ZCheckSettingsUpdate = z.object({
  severityOverrides: z.record(knownCheck, z.enum(SEVERITIES)),
  disabledChecks: list(knownCheck),
  allowedRegistries: list(
    z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[^\s/][^\s]*$/, "a registry host or host/path prefix, without spaces"),
  ),
  untrustedLabel: z
    .string()
    .trim()
    .min(1)
    .max(317)
    .regex(/^[A-Za-z0-9./_-]+(=[A-Za-z0-9._-]*)?$/, "a label key, or key=value"),
  sandboxHandlers: list(z.string().trim().min(1).max(63)),
  ingressNamespaces: list(namespace),
  secretRotationDays: z.number().int().min(1).max(3650),
  systemNamespaces: list(namespace),
});
export type CheckSettingsUpdate = z.infer<typeof ZCheckSettingsUpdate>;

/** The check settings scans use, and the defaults a field falls back to. */
export const ZCheckSettingsView = z.strictObject({ data: ZCheckSettings.strict(), defaults: ZCheckSettings.strict() });

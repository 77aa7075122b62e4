import { env } from "@/lib/env.js";

/** Whether a session created at `createdAt` is past the absolute limit (BULWARK_SESSION_MAX_HOURS), however active it was. */
export function pastAbsoluteLimit(createdAt: Date | string, now = Date.now()): boolean {
  return now - new Date(createdAt).getTime() > env.BULWARK_SESSION_MAX_HOURS * 3_600_000;
}

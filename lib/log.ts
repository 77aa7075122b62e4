import pino from "pino";

import { env } from "@/lib/env.js";

/**
 * Structured JSON logs. Fields that could carry credentials are redacted whatever the caller
 * passes, so a token or kubeconfig can never reach the log by accident.
 */
export const log = pino({
  level: env.LOG_LEVEL,
  base: undefined,
  redact: {
    paths: ["*.token", "*.password", "*.authorization", "*.kubeconfig", "*.cookie", "*.secret", "headers.*"],
    censor: "[redacted]",
  },
});

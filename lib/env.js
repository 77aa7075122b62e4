// The one module that reads process.env (lint enforces it). Everything else imports `env`.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((v) => v === "true" || v === "1");

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url().optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    BULWARK_DATA_DIR: z.string().default(".data"),
    BULWARK_SECRET_KEY: z.string().min(32).optional(),
    BULWARK_ALLOW_KUBECONFIG_EXEC: flag,
    BULWARK_ALLOW_LOOPBACK_CLUSTERS: flag,
    /** Kubeconfig path(s), as kubectl reads them; default ~/.kube/config. */
    KUBECONFIG: z.string().optional(),
    HOME: z.string().optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

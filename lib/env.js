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
    /** The address users reach Bulwark at; default http://HOST:PORT. Cookies are Secure when it is https. */
    BULWARK_URL: z.url().optional(),
    /** Signs sessions; generated into the data directory (0600) when not given. */
    BETTER_AUTH_SECRET: z.string().min(32).optional(),
    /** First start only: create this admin when no user exists. */
    BULWARK_ADMIN_EMAIL: z.email().optional(),
    BULWARK_ADMIN_PASSWORD: z.string().min(12).optional(),
    BULWARK_SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    BULWARK_SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** Single sign-on through OpenID Connect: all three, or none. */
    BULWARK_OIDC_ISSUER: z.url().optional(),
    BULWARK_OIDC_CLIENT_ID: z.string().optional(),
    BULWARK_OIDC_CLIENT_SECRET: z.string().optional(),
    BULWARK_OIDC_NAME: z.string().default("single sign-on"),
    /** The ID token claim that carries groups or roles, and how its values map to roles. */
    BULWARK_OIDC_ROLE_CLAIM: z.string().default("groups"),
    /** "group=role,group=role", e.g. "sec-admins=admin,sec-team=analyst". */
    BULWARK_OIDC_ROLE_MAP: z.string().default(""),
    /** The role of an SSO user no mapping matches; "none" refuses them. */
    BULWARK_OIDC_DEFAULT_ROLE: z.enum(["viewer", "analyst", "admin", "none"]).default("viewer"),
    /** Running in a cluster (the Helm chart sets it): register and scan that cluster under this name, with the pod's service account. */
    BULWARK_IN_CLUSTER_NAME: z.string().min(1).max(100).optional(),
    /** Path prefix for the service-account token and CA (default: none, i.e. /var/run/secrets/kubernetes.io/serviceaccount). */
    BULWARK_IN_CLUSTER_ROOT: z.string().optional(),
    /** Kubelet configuration: "kubelet" (each kubelet's /configz, nodes/configz), "proxy" (API server node proxy, nodes/proxy), "off". */
    BULWARK_KUBELET_CONFIG: z.enum(["kubelet", "proxy", "off"]).default("kubelet"),
    /** Build time (npm run image:build): a self-contained Next.js server in .next-image/standalone. */
    BULWARK_IMAGE_BUILD: flag,
    /** Web server processes sharing the port (default: one per CPU, at most 4); each renders pages on its own core. */
    BULWARK_WEB_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
    /** Trust the left-most X-Forwarded-For address (set when behind your own reverse proxy). */
    BULWARK_TRUST_PROXY: flag,
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

import { defineConfig, devices } from "@playwright/test";

import {
  ADMIN,
  APP_PORT,
  APP_URL,
  OIDC_CLIENT,
  OIDC_ISSUER,
  ROLE_MAP,
  RUN_DIR,
  SERVER_LOG,
  STAGING_KUBECONFIG,
  STAGING_PORT,
  STATE,
} from "./e2e/support/constants";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: { baseURL: APP_URL, trace: "retain-on-failure" },
  projects: [
    // Signs in the admin, invites an analyst and a viewer, and saves each one's session.
    { name: "setup", testMatch: /support\/sign-in\.setup\.ts/, use: chromium },
    // Every journey runs signed in (as admin unless a spec says otherwise).
    { name: "chromium", dependencies: ["setup"], use: { ...chromium, storageState: STATE.admin } },
  ],
  webServer: [
    {
      // A second cluster for the "add a cluster" journey: the hardened fixture behind the fake API
      // server, whose scanner role may not list network policies (as often happens in practice).
      command: `npx tsx scripts/fake-cluster.ts --cluster hardened --forbid networkpolicies.networking.k8s.io --port ${STAGING_PORT} --kubeconfig ${STAGING_KUBECONFIG}`,
      url: `https://127.0.0.1:${STAGING_PORT}/version`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "npx tsx e2e/support/oidc-provider.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // A fresh data directory per run: the app starts exactly as `npm start` does for a
      // newcomer. Its output is kept so the run can be checked for leaked secrets afterwards.
      command: `rm -rf .data/e2e ${RUN_DIR} && mkdir -p ${RUN_DIR} && npm start 2>&1 | tee ${SERVER_LOG}`,
      url: `${APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
      env: {
        PORT: String(APP_PORT),
        HOST: "127.0.0.1",
        BULWARK_DATA_DIR: ".data/e2e",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "info",
        BULWARK_ADMIN_EMAIL: ADMIN.email,
        BULWARK_ADMIN_PASSWORD: ADMIN.password,
        BULWARK_OIDC_ISSUER: OIDC_ISSUER,
        BULWARK_OIDC_CLIENT_ID: OIDC_CLIENT.id,
        BULWARK_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
        BULWARK_OIDC_NAME: "Example SSO",
        BULWARK_ALLOW_LOOPBACK_CLUSTERS: "true",
        BULWARK_OIDC_ROLE_MAP: ROLE_MAP,
        BULWARK_OIDC_DEFAULT_ROLE: "viewer",
      },
    },
  ],
});

/** Shared by playwright.config.ts, the setup project and the specs. */
export const APP_PORT = 3100;
export const OIDC_PORT = 3101;
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const ADMIN = { email: "admin@bulwark.test", password: "e2e-admin-password-7c1f" };
export const OIDC_CLIENT = { id: "bulwark-e2e", secret: "bulwark-e2e-client-secret" };
/** The identity provider's users: the login name is the account id; groups decide the role. */
export const SSO_GROUPS: Record<string, string[]> = { alice: ["sec-team"], bob: ["marketing"], carol: ["sec-admins", "sec-team"] };
export const ROLE_MAP = "sec-admins=admin,sec-team=analyst";
/** Per-run files outside test-results/ (Playwright empties that at start): sessions, secrets seen, the server's log. */
export const RUN_DIR = ".data/e2e-run";
export const STATE = { admin: `${RUN_DIR}/admin.json`, analyst: `${RUN_DIR}/analyst.json`, viewer: `${RUN_DIR}/viewer.json` } as const;
/** Where the setup project records every secret it handled, for the log scan after the run. */
export const SECRETS_FILE = `${RUN_DIR}/secrets.txt`;
export const SERVER_LOG = `${RUN_DIR}/server.log`;
/** The second cluster added through the settings page (outside RUN_DIR, which the app's start empties). */
export const STAGING_PORT = 3102;
export const STAGING_KUBECONFIG = ".data/e2e-staging.kubeconfig";

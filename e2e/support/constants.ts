/** Shared by playwright.config.ts, the setup project, the web servers and the specs. */
import { execFileSync } from "node:child_process";

/**
 * The app, the identity provider and the staging cluster listen on ports the kernel hands out
 * when the run starts, so another server on this machine (a `npm run dev`, a second checkout's
 * tests) cannot collide with them. The runner picks them once and puts them in the environment,
 * which its workers and web servers inherit, so every process of the run agrees.
 */
function runPorts(): [app: number, oidc: number, staging: number] {
  if (!process.env.BULWARK_E2E_PORTS) {
    const pick = `const net=require("node:net");const s=[0,0,0].map(()=>net.createServer());
Promise.all(s.map(x=>new Promise(r=>x.listen(0,"127.0.0.1",()=>r(x.address().port))))).then(p=>{console.log(p.join(","));s.forEach(x=>x.close())})`;
    process.env.BULWARK_E2E_PORTS = execFileSync(process.execPath, ["-e", pick], { encoding: "utf8" }).trim();
  }
  const ports = process.env.BULWARK_E2E_PORTS.split(",").map(Number);
  if (ports.length !== 3 || ports.some((p) => !Number.isInteger(p) || p <= 0 || p > 65535)) {
    throw new Error(
      `BULWARK_E2E_PORTS must be three ports separated by commas, got "${process.env.BULWARK_E2E_PORTS}"`,
    );
  }
  return ports as [number, number, number];
}
const [appPort, oidcPort, stagingPort] = runPorts();
export const APP_PORT = appPort;
export const OIDC_PORT = oidcPort;
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const ADMIN = { email: "admin@bulwark.test", password: "e2e-admin-password-7c1f" };
export const OIDC_CLIENT = { id: "bulwark-e2e", secret: "bulwark-e2e-client-secret" };
/** The identity provider's users: the login name is the account id; groups decide the role. */
export const SSO_GROUPS: Record<string, string[]> = {
  alice: ["sec-team"],
  bob: ["marketing"],
  carol: ["sec-admins", "sec-team"],
};
export const ROLE_MAP = "sec-admins=admin,sec-team=analyst";
/** Per-run files outside test-results/ (Playwright empties that at start): sessions, secrets seen, the server's log. */
export const RUN_DIR = ".data/e2e-run";
export const STATE = {
  admin: `${RUN_DIR}/admin.json`,
  analyst: `${RUN_DIR}/analyst.json`,
  viewer: `${RUN_DIR}/viewer.json`,
} as const;
/** Where the setup project records every secret it handled, for the log scan after the run. */
export const SECRETS_FILE = `${RUN_DIR}/secrets.txt`;
export const SERVER_LOG = `${RUN_DIR}/server.log`;
/** The second cluster added through the settings page (outside RUN_DIR, which the app's start empties). */
export const STAGING_PORT = stagingPort;
export const STAGING_KUBECONFIG = ".data/e2e-staging.kubeconfig";

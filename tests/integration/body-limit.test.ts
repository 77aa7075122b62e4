import { describe, expect, it } from "vitest";

import { POST as registerCluster } from "@/app/api/clusters/route";

import { APP, makeUser, signIn } from "../helpers/auth";

const MiB = 1024 * 1024;

/** An admin's POST /api/clusters with an uploaded kubeconfig of `chars` characters, sent as one string or as a stream without Content-Length. */
async function upload(chars: number, { streamed = false } = {}): Promise<Response> {
  const { cookie } = await signIn((await makeUser("admin")).email);
  const text = JSON.stringify({ source: "kubeconfig_upload", name: "big", kubeconfig: "a".repeat(chars) });
  const bytes = new TextEncoder().encode(text);
  const body = streamed
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
          controller.close();
        },
      })
    : text;
  const request = new Request(`${APP}/api/clusters`, {
    method: "POST",
    headers: { cookie, origin: APP, "content-type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
  return registerCluster(request, { params: Promise.resolve({}) });
}

describe("request bodies are capped at 1 MiB", () => {
  it("an oversized body is refused with 413 and a problem+json body", async () => {
    const res = await upload(2 * MiB);
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await res.json()).detail).toBe("The request body is larger than 1024 KiB.");
  });

  it("a streamed body without Content-Length is cut off at the limit too", async () => {
    const res = await upload(2 * MiB, { streamed: true });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("the largest kubeconfig an upload may hold still gets through to validation", async () => {
    const res = await upload(256 * 1024);
    expect(res.status).not.toBe(413);
    expect(res.status).toBe(422);
  });
});

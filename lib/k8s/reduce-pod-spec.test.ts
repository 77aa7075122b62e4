import { describe, expect, it } from "vitest";

import { reducePodSpec } from "./reduce-pod-spec";

describe("reducePodSpec: probes", () => {
  it("keeps where a probe connects and only a fingerprint of an exec command, never the command line", () => {
    const spec = reducePodSpec({
      containers: [
        {
          name: "db",
          livenessProbe: { exec: { command: ["sh", "-c", "mysqladmin ping -p'Sup3r-s3cret'"] } } as never,
          readinessProbe: {
            httpGet: { path: "/readyz", port: 8080, host: "10.0.0.1" },
            grpc: { port: 9090, service: "ready" },
          } as never,
        },
      ],
    });
    const [c] = spec.containers!;
    expect(JSON.stringify(spec)).not.toContain("Sup3r");
    expect(c!.livenessProbe!.exec!.commandDigest).toMatch(/^[0-9a-f]{16}$/);
    expect(c!.readinessProbe).toStrictEqual({
      httpGet: { path: "/readyz", port: 8080, host: "10.0.0.1" },
      grpc: { port: 9090, service: "ready" },
    });
    const again = reducePodSpec({
      containers: [
        { name: "db", livenessProbe: { exec: { command: ["sh", "-c", "mysqladmin ping -p'Sup3r-s3cret'"] } } as never },
      ],
    });
    expect(again.containers![0]!.livenessProbe).toStrictEqual(c!.livenessProbe);
  });

  it("keeps an HTTP probe's path without its query string, which may carry a token: only a fingerprint of the query", () => {
    const probe = (path: string) =>
      reducePodSpec({ containers: [{ name: "api", livenessProbe: { httpGet: { path, port: 8080 } } as never }] })
        .containers![0]!.livenessProbe!.httpGet!;
    const withToken = probe("/healthz?token=Sup3r-s3cret");
    expect(JSON.stringify(withToken)).not.toContain("Sup3r");
    expect(withToken).toStrictEqual({
      path: "/healthz",
      port: 8080,
      host: undefined,
      queryDigest: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(probe("/healthz?token=Sup3r-s3cret").queryDigest).toBe(withToken.queryDigest);
    expect(probe("/healthz?token=other").queryDigest).not.toBe(withToken.queryDigest);
    expect(probe("/healthz")).toStrictEqual({ path: "/healthz", port: 8080, host: undefined });
  });
});

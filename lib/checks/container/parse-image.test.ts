import { describe, expect, it } from "vitest";

import { parseImage } from "./parse-image";

describe("parseImage", () => {
  it.each([
    [
      "nginx",
      { registry: "docker.io", isImplicitRegistry: true, repository: "nginx", tag: undefined, digest: undefined },
    ],
    [
      "nginx:1.27",
      { registry: "docker.io", isImplicitRegistry: true, repository: "nginx", tag: "1.27", digest: undefined },
    ],
    [
      "bitnami/redis:7.2",
      { registry: "docker.io", isImplicitRegistry: true, repository: "bitnami/redis", tag: "7.2", digest: undefined },
    ],
    [
      "localhost:5000/app",
      { registry: "localhost:5000", isImplicitRegistry: false, repository: "app", tag: undefined, digest: undefined },
    ],
    [
      "registry.k8s.io/pause:3.9@sha256:abc",
      { registry: "registry.k8s.io", isImplicitRegistry: false, repository: "pause", tag: "3.9", digest: "sha256:abc" },
    ],
    [
      "ghcr.io/org/app@sha256:def",
      { registry: "ghcr.io", isImplicitRegistry: false, repository: "org/app", tag: undefined, digest: "sha256:def" },
    ],
  ])("%s", (image, expected) => {
    expect(parseImage(image)).toStrictEqual(expected);
  });
});

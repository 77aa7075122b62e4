import { describe, expect, it } from "vitest";

import { detectCredential } from "./detect-credential";

describe("detectCredential", () => {
  it.each([
    ["TLS_KEY", `-----BEGIN RSA ${"PRIVATE"} KEY-----\nMIIE...`, "private key"],
    ["AWS", "AKIAIOSFODNN7EXAMPLE", "AWS access key"],
    ["GH", "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "GitHub token"],
    ["DATABASE_URL", "postgres://app:s3cr3tpw@db:5432/app", "password in URL"],
    ["DB_PASSWORD", "hunter2!!", "literal value for a password-named key"],
    ["API_KEY", "f3a9c1d2e4b5", "literal value for a secret-named key"],
  ])("flags %s", (key, value, kind) => {
    expect(detectCredential(key, value)).toBe(kind);
  });

  it.each([
    ["DB_PASSWORD_FILE", "/run/secrets/db"],
    ["TOKEN_ENABLED", "true"],
    ["PASSWORD", "${DB_PASSWORD}"],
    ["LOG_LEVEL", "debug"],
    ["SECRET_NAME", "changeme"],
  ])("does not flag %s=%s", (key, value) => {
    expect(detectCredential(key, value)).toBeUndefined();
  });
});

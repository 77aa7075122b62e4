import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.LOG_LEVEL ??= "silent";
// Tests register clusters served by the fake API server on loopback.
process.env.BULWARK_ALLOW_LOOPBACK_CLUSTERS = "true";
process.env.BULWARK_SECRET_KEY ??= "test-secret-key-0123456789abcdefghijklmnop";
process.env.BETTER_AUTH_SECRET ??= "test-auth-secret-0123456789abcdefghijklmnopqrstuv";

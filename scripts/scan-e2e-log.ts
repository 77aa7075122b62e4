// After the browser tests: the server's whole log of that run must hold none of the secrets the
// run handled (passwords, session tokens, invitation links, API tokens) and no stack traces.
import { existsSync, readFileSync } from "node:fs";

import { SECRETS_FILE, SERVER_LOG } from "../e2e/support/constants";

const problems: string[] = [];
if (!existsSync(SERVER_LOG) || !existsSync(SECRETS_FILE)) {
  problems.push(`missing ${SERVER_LOG} or ${SECRETS_FILE}: did the browser tests run?`);
} else {
  const log = readFileSync(SERVER_LOG, "utf8");
  const secrets = [
    ...new Set(
      readFileSync(SECRETS_FILE, "utf8")
        .split("\n")
        .map((s) => s.trim())
        .filter((s) => s.length >= 12),
    ),
  ];
  if (!log.includes("Bulwark is running")) problems.push("the server log does not cover a full start");
  for (const s of secrets)
    if (log.includes(s)) problems.push(`a secret (${s.slice(0, 4)}…, ${s.length} chars) appears in the server log`);
  const trace = log.match(/^\s+at .+:\d+:\d+\)?$/m);
  if (trace) problems.push(`a stack trace appears in the server log: ${trace[0].trim()}`);
  console.log(`Scanned ${log.split("\n").length} log lines for ${secrets.length} secrets and stack traces.`);
}
for (const p of problems) console.error(`✗ ${p}`);
process.exit(problems.length ? 1 : 0);

// Renders deploy/manifests/bulwark.yaml from the Helm chart, for those who deploy without Helm.
// `--check` exits 1 when the committed file differs from a fresh render.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { tool } from "./tools.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = join(root, "deploy", "manifests", "bulwark.yaml");
const HEADER = `# Bulwark, rendered from deploy/helm/bulwark with deploy/helm/examples/manifests.yaml
# (npm run deploy:manifests). Before applying: create the Secrets bulwark-app and
# bulwark-database (README, "Install in a cluster") and set the CIDRs in the NetworkPolicies.
`;

export function renderManifests() {
  const rendered = execFileSync(
    tool("helm"),
    [
      "template",
      "bulwark",
      join(root, "deploy/helm/bulwark"),
      "--namespace",
      "bulwark",
      "-f",
      join(root, "deploy/helm/examples/manifests.yaml"),
    ],
    { encoding: "utf8" },
  );
  return HEADER + rendered;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fresh = renderManifests();
  if (process.argv.includes("--check")) {
    if (readFileSync(out, "utf8") !== fresh) {
      console.error("deploy/manifests/bulwark.yaml is out of date: run npm run deploy:manifests");
      process.exit(1);
    }
  } else {
    writeFileSync(out, fresh);
    console.log(`wrote ${out}`);
  }
}

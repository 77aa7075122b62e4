// The `bulwark` CLI: parse arguments, call lib/, format, set the exit code. No logic of its own.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { ZCheckSettings, type CheckSettings } from "@/lib/checks/settings";
import { SEVERITIES, type Severity } from "@/lib/checks/types";
import { BaselineError, findingKey, parseBaseline } from "@/lib/cli-report/baseline";
import type { ScanReport } from "@/lib/cli-report/build-scan-report";
import { formatCsv } from "@/lib/cli-report/format-csv";
import { formatFrameworkTable } from "@/lib/cli-report/format-framework-table";
import { formatSarif } from "@/lib/cli-report/format-sarif";
import { formatTable } from "@/lib/cli-report/format-table";
import { scanManifests } from "@/lib/cli-report/scan-manifests";
import { ZCheckSettingsUpdate } from "@/lib/contracts/settings";
import { env } from "@/lib/env.js";
import { FRAMEWORK_IDS } from "@/lib/frameworks/registry";
import { ClusterUnavailableError, KubeconfigError } from "@/lib/k8s/errors";
import { ManifestPathError } from "@/lib/k8s/manifests/load-manifests";
import { ManifestSyntaxError } from "@/lib/k8s/manifests/parse-manifests";

const FRAMEWORK_IDS_TEXT = FRAMEWORK_IDS.join(", ");
const USAGE = `Usage:
  bulwark scan --manifests PATH [PATH...] [options]
  bulwark scan [--kubeconfig FILE] [--context NAME] [options]

Options:
  --format table|json|csv|sarif   output format (default: table)
  --fail-on critical|high|medium|low
                                  exit 1 when a finding at or above this severity exists
  --baseline FILE                 a previous --format json report: --fail-on judges only findings
                                  not in it (SARIF marks each result new or unchanged)
  --framework ID                  show one framework's controls (${FRAMEWORK_IDS_TEXT}):
                                  its table, or with --format json only its entry in \`frameworks\`
  --settings FILE                 JSON check settings (severity overrides, allowed registries…)
  --allow-exec                    let the kubeconfig run exec/auth-provider credential commands
                                  (also BULWARK_ALLOW_KUBECONFIG_EXEC=true)

Without --manifests, scans the cluster of --context (default: the current context) in
--kubeconfig (default: $KUBECONFIG or ~/.kube/config).
  -h, --help                      show this help

Exit codes: 0 no failing finding at the --fail-on level, 1 findings at or above it, 2 usage or input error.`;

const FORMATS = ["table", "json", "csv", "sarif"] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

function readSettings(file: string | undefined): CheckSettings {
  if (!file) return ZCheckSettings.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`${file}: cannot read settings: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Defaults first, then the dashboard's rules: every check id must exist, so a typo is an error, not a no-op.
  const parsed = ZCheckSettings.pipe(ZCheckSettingsUpdate).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${file}: invalid settings at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return parsed.data;
}

function readBaseline(file: string | undefined): Set<string> | undefined {
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`${file}: cannot read baseline: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseBaseline(text, file);
}

function render(
  report: ScanReport,
  format: Format,
  baseline: Set<string> | undefined,
  framework: string | undefined,
): string {
  if (framework !== undefined) {
    const only = report.frameworks.filter((f) => f.id === framework);
    if (format === "json") return `${JSON.stringify({ ...report, frameworks: only }, null, 2)}\n`;
    return formatFrameworkTable(only[0]!, { color: process.stdout.isTTY === true && !process.env.NO_COLOR });
  }
  switch (format) {
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
    case "csv":
      return formatCsv(report);
    case "sarif":
      return formatSarif(report, { baseline });
    case "table":
      return formatTable(report, { color: process.stdout.isTTY === true && !process.env.NO_COLOR });
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      manifests: { type: "string", multiple: true },
      kubeconfig: { type: "string" },
      context: { type: "string" },
      format: { type: "string", default: "table" },
      "fail-on": { type: "string" },
      settings: { type: "string" },
      baseline: { type: "string" },
      framework: { type: "string" },
      "allow-exec": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command !== "scan") throw new UsageError(command ? `unknown command: ${command}` : "missing command");
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  const failOn = values["fail-on"] as Severity | undefined;
  if (failOn !== undefined && !SEVERITIES.includes(failOn))
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(", ")}`);
  const framework = values.framework;
  if (framework !== undefined && !FRAMEWORK_IDS.includes(framework))
    throw new UsageError(`--framework must be one of ${FRAMEWORK_IDS_TEXT}`);
  if (framework !== undefined && format !== "table" && format !== "json")
    throw new UsageError("--framework works with --format table or json");
  const settings = readSettings(values.settings);
  const baseline = readBaseline(values.baseline);

  let report: ScanReport;
  if (values.manifests) {
    // `--manifests a b c`: paths after the first arrive as positionals.
    const scanned = await scanManifests([...values.manifests, ...rest], settings, new Date());
    if (scanned.files === 0)
      throw new UsageError(`no .yaml, .yml or .json files found in ${[...values.manifests, ...rest].join(", ")}`);
    report = scanned;
  } else {
    if (rest.length) throw new UsageError(`unexpected argument: ${rest[0]}`);
    // The CLI reads the user's own kubeconfig, as kubectl does, so clusters on this machine
    // (kind, minikube) are allowed; link-local addresses never are.
    const policy = {
      allowExec: values["allow-exec"] === true || env.BULWARK_ALLOW_KUBECONFIG_EXEC,
      allowLoopback: true,
    };
    // Loaded only here: the Kubernetes client takes longer to load than a manifest scan takes.
    const { scanCluster } = await import("@/lib/cli-report/scan-cluster");
    report = await scanCluster(
      { type: "kubeconfig-file", path: values.kubeconfig, context: values.context },
      policy,
      settings,
      new Date(),
    );
  }
  process.stdout.write(render(report, format, baseline, framework));
  const judged = baseline ? report.findings.filter((f) => !baseline.has(findingKey(f))) : report.findings;
  if (baseline)
    process.stderr.write(
      `bulwark: ${judged.length} of ${report.findings.length} findings are new against ${values.baseline}\n`,
    );
  if (failOn === undefined) return 0;
  const threshold = SEVERITIES.indexOf(failOn);
  return judged.some((f) => SEVERITIES.indexOf(f.severity) <= threshold) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known =
      error instanceof UsageError ||
      error instanceof BaselineError ||
      error instanceof ManifestSyntaxError ||
      error instanceof ManifestPathError ||
      error instanceof KubeconfigError ||
      error instanceof ClusterUnavailableError;
    const isArgError =
      error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS");
    const message =
      known || isArgError
        ? (error as Error).message
        : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`bulwark: ${message}\n${known || isArgError ? "Run `bulwark --help` for usage.\n" : ""}`);
    process.exitCode = 2;
  },
);

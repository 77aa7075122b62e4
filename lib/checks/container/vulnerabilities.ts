import { CLUSTER_REF as CLUSTER, type Inventory, type VulnerabilityReport } from "@/lib/inventory/types";

import { workloadCheck } from "../evaluate-workloads";
import type { Check, NotApplicable } from "../types";
import { inspectImages } from "./image-tags";
import { parseImage } from "./parse-image";

/** Reports indexed by repository and by tag or digest, so "nginx:1.27" matches "docker.io/library/nginx:1.27". */
function indexReports(reports: VulnerabilityReport[]): Map<string, VulnerabilityReport> {
  const index = new Map<string, VulnerabilityReport>();
  for (const r of reports) for (const key of imageKeys(r.image)) index.set(key, r);
  return index;
}

function imageKeys(image: string): string[] {
  const ref = parseImage(image);
  const repo = ref.isImplicitRegistry && !ref.repository.includes("/") ? `library/${ref.repository}` : ref.repository;
  const keys: string[] = [];
  if (ref.digest) keys.push(`${repo}@${ref.digest}`);
  keys.push(`${repo}:${ref.tag ?? "latest"}`);
  return keys;
}

function findReport(index: Map<string, VulnerabilityReport>, image: string): VulnerabilityReport | undefined {
  for (const key of imageKeys(image)) {
    const r = index.get(key);
    if (r) return r;
  }
  return undefined;
}

const hasScanner = (inventory: Inventory) => inventory.vulnerabilityReports.length > 0;
/** Without a scanner there is nothing to read: the one finding for that cause is container.no-image-scanning's. */
const NO_SCANNER: NotApplicable = {
  status: "not-applicable",
  reason: "no image scanner reports found in the cluster (reported by container.no-image-scanning)",
};

/** container.vulnerabilities: the image's scan report lists critical or high CVEs. */
export const vulnerabilities = workloadCheck({
  id: "container.vulnerabilities",
  layer: "container",
  severity: "high",
  title: "Images with critical or high vulnerabilities",
  rationale:
    "Known critical and high CVEs in running images are the easiest way in: exploits are public and scanners in attackers' hands find them as fast as yours do.",
  remediation:
    "Rebuild on a patched base image or upgrade the vulnerable packages, then redeploy. Trivy Operator's report names the fixed versions.",
  references: [
    "NSA/CISA Kubernetes Hardening Guide: vulnerability scanning",
    "https://aquasecurity.github.io/trivy-operator/",
  ],
  requires: ["workloads", "vulnerabilityReports"],
  inspectWorkloads: (inventory) => {
    if (!hasScanner(inventory)) return NO_SCANNER;
    const index = indexReports(inventory.vulnerabilityReports);
    return inspectImages((_ref, raw) => {
      const r = findReport(index, raw);
      if (!r || r.critical + r.high === 0) return undefined;
      return `runs ${raw} with ${r.critical} critical and ${r.high} high vulnerabilities`;
    });
  },
});

/** container.image-not-scanned: a scanner is installed but this image has no report. */
export const imageNotScanned = workloadCheck({
  id: "container.image-not-scanned",
  layer: "container",
  severity: "low",
  title: "Images the scanner has not reported on",
  rationale:
    "An image without a scan report is an unknown: it may be new, private to a registry the scanner cannot pull, or skipped by configuration.",
  remediation: "Check the scanner's logs for this image; give it pull credentials for private registries.",
  references: ["NSA/CISA Kubernetes Hardening Guide: vulnerability scanning"],
  requires: ["workloads", "vulnerabilityReports"],
  inspectWorkloads: (inventory) => {
    if (!hasScanner(inventory)) return NO_SCANNER;
    const index = indexReports(inventory.vulnerabilityReports);
    return inspectImages((_ref, raw) =>
      findReport(index, raw) ? undefined : `runs ${raw || "(no image)"}, which has no vulnerability report`,
    );
  },
});

/** container.no-image-scanning: the cluster has no image vulnerability scanner (cluster-level). */
export const noImageScanning = {
  id: "container.no-image-scanning",
  layer: "container",
  severity: "medium",
  title: "No image vulnerability scanning in the cluster",
  rationale:
    "Without an in-cluster scanner, vulnerabilities published after an image was built go unnoticed for as long as it runs.",
  remediation:
    "Install Trivy Operator (or another scanner that writes VulnerabilityReports) so running images are re-scanned as new CVEs appear.",
  references: ["NSA/CISA Kubernetes Hardening Guide: vulnerability scanning"],
  requires: ["vulnerabilityReports"],
  evaluate: (inventory) => ({
    status: "evaluated",
    evaluated: [CLUSTER],
    findings: hasScanner(inventory)
      ? []
      : [{ resource: CLUSTER, message: "no image vulnerability reports found: no scanner appears to be installed" }],
  }),
} as const satisfies Check;

/**
 * Dated end-of-life tables. Each says where its dates come from and when they were read; a
 * check compares them with `ctx.now`, so results never depend on the machine's clock.
 * Update them when a release ships or a date moves.
 */
export type EolTable = { source: string; readOn: string; entries: { match: RegExp; name: string; eol: string }[] };

/** Kubernetes minor versions: about 14 months of patch support (kubernetes.io/releases). */
export const KUBERNETES_EOL: EolTable = {
  source: "https://kubernetes.io/releases/ (end of maintenance per minor)",
  readOn: "2026-11-01",
  entries: [
    { match: /^1\.(\d|1\d|2[0-6])$/, name: "Kubernetes ≤ 1.26", eol: "2024-02-28" },
    { match: /^1\.27$/, name: "Kubernetes 1.27", eol: "2024-06-28" },
    { match: /^1\.28$/, name: "Kubernetes 1.28", eol: "2024-10-28" },
    { match: /^1\.29$/, name: "Kubernetes 1.29", eol: "2025-02-28" },
    { match: /^1\.30$/, name: "Kubernetes 1.30", eol: "2025-06-28" },
    { match: /^1\.31$/, name: "Kubernetes 1.31", eol: "2025-10-28" },
    { match: /^1\.32$/, name: "Kubernetes 1.32", eol: "2026-02-28" },
    { match: /^1\.33$/, name: "Kubernetes 1.33", eol: "2026-06-28" },
    { match: /^1\.34$/, name: "Kubernetes 1.34", eol: "2026-10-27" },
    { match: /^1\.35$/, name: "Kubernetes 1.35", eol: "2027-02-28" },
    { match: /^1\.36$/, name: "Kubernetes 1.36", eol: "2027-06-28" },
    { match: /^1\.37$/, name: "Kubernetes 1.37", eol: "2027-10-28" },
  ],
};

/** Container runtimes, matched on the node's containerRuntimeVersion ("containerd://1.7.22"). */
export const RUNTIME_EOL: EolTable = {
  source:
    "containerd RELEASES.md support horizon; CRI-O follows the Kubernetes minor; dockershim removed in Kubernetes 1.24",
  readOn: "2026-11-01",
  entries: [
    { match: /^docker:\/\//, name: "Docker Engine via dockershim", eol: "2022-05-03" },
    { match: /^containerd:\/\/1\.[0-5]\./, name: "containerd ≤ 1.5", eol: "2023-02-28" },
    { match: /^containerd:\/\/1\.6\./, name: "containerd 1.6", eol: "2025-07-23" },
    { match: /^containerd:\/\/1\.7\./, name: "containerd 1.7", eol: "2026-03-10" },
    { match: /^containerd:\/\/2\.0\./, name: "containerd 2.0", eol: "2025-11-07" },
    { match: /^containerd:\/\/2\.1\./, name: "containerd 2.1", eol: "2026-05-05" },
    { match: /^cri-o:\/\/1\.(\d|1\d|2[0-9]|3[0-3])\./, name: "CRI-O ≤ 1.33", eol: "2026-06-28" },
  ],
};

/** Node operating systems, matched on osImage. Standard support, not paid extended support. */
export const OS_EOL: EolTable = {
  source: "ubuntu.com/about/release-cycle, wiki.debian.org/DebianReleases, endoflife.date (CentOS, Amazon Linux, RHEL)",
  readOn: "2026-11-01",
  entries: [
    { match: /^Ubuntu 1[0-8]\./, name: "Ubuntu ≤ 18.04", eol: "2023-05-31" },
    { match: /^Ubuntu 20\.04/, name: "Ubuntu 20.04", eol: "2025-05-31" },
    { match: /^Ubuntu 22\.04/, name: "Ubuntu 22.04", eol: "2027-06-01" },
    { match: /^Ubuntu 24\.04/, name: "Ubuntu 24.04", eol: "2029-05-31" },
    { match: /^Debian GNU\/Linux 10/, name: "Debian 10", eol: "2024-06-30" },
    { match: /^Debian GNU\/Linux 11/, name: "Debian 11", eol: "2026-08-31" },
    { match: /^Debian GNU\/Linux 12/, name: "Debian 12", eol: "2028-06-30" },
    { match: /^CentOS Linux 7/, name: "CentOS 7", eol: "2024-06-30" },
    { match: /^CentOS Linux 8|^CentOS Stream 8/, name: "CentOS 8", eol: "2024-05-31" },
    { match: /^Amazon Linux 2$|^Amazon Linux 2 /, name: "Amazon Linux 2", eol: "2026-06-30" },
    { match: /^Red Hat Enterprise Linux.* 7\./, name: "RHEL 7", eol: "2024-06-30" },
  ],
};

/** The entry that matches, and whether its end of life is on or before `now`. */
export function lookupEol(
  table: EolTable,
  value: string,
  now: Date,
): { name: string; eol: string; isPast: boolean } | undefined {
  const entry = table.entries.find((e) => e.match.test(value));
  return entry && { name: entry.name, eol: entry.eol, isPast: new Date(`${entry.eol}T00:00:00Z`) <= now };
}

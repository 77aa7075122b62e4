import { describe, expect, it } from "vitest";

import { contextWith } from "@/lib/checks/__fixtures__/builders";
import { hardenedEdited, inventoryFromFixture } from "@/lib/checks/__fixtures__/cluster-builders";
import { staticPod } from "@/lib/checks/node/control-plane.cases";
import { ALL_CHECKS, getCheck } from "@/lib/checks/registry";
import {
  clusterRole,
  clusterRoleBinding,
  container,
  kubeletConfig,
  workload,
} from "@/lib/fake-api-server/clusters/build";

import { ALL_FRAMEWORKS, getFramework, UNMAPPED_CHECKS } from "./registry";
import type { Control } from "./types";

const automated = (c: Control) => (c.judged.by === "automated" ? c.judged : undefined);
const mappedBy = (frameworkId: string) =>
  new Set(getFramework(frameworkId)!.controls.flatMap((c) => automated(c)?.checks ?? []));

describe("framework definitions", () => {
  it("map only to checks that exist", () => {
    const unknown = ALL_FRAMEWORKS.flatMap((f) =>
      f.controls.flatMap((c) =>
        (automated(c)?.checks ?? []).filter((id) => !getCheck(id)).map((id) => `${f.id} ${c.id} → ${id}`),
      ),
    );
    expect(unknown).toStrictEqual([]);
  });

  it("leave no check unmapped unless it is listed as unmapped on purpose", () => {
    const mapped = new Set(ALL_FRAMEWORKS.flatMap((f) => [...mappedBy(f.id)]));
    expect(ALL_CHECKS.map((c) => c.id).filter((id) => !mapped.has(id) && !(id in UNMAPPED_CHECKS))).toStrictEqual([]);
    expect(Object.keys(UNMAPPED_CHECKS).filter((id) => !getCheck(id) || mapped.has(id))).toStrictEqual([]);
  });

  it("map every check to the CIS recommendation it cites", () => {
    const cis = getFramework("cis-kubernetes")!;
    const sections = new Set(cis.controls.map((c) => c.section.split(" ")[0]));
    const gaps = ALL_CHECKS.flatMap((check) =>
      check.references.flatMap((ref) => {
        const id = /^CIS (\d+(?:\.\d+)*)\b/.exec(ref)?.[1];
        if (!id) return [];
        const control = cis.controls.find((c) => c.id === id);
        if (control)
          return automated(control)?.checks.includes(check.id)
            ? []
            : [`${check.id} cites ${ref} but that control does not map it`];
        return sections.has(id) ? [] : [`${check.id} cites ${ref}, which is not in CIS ${cis.version}`];
      }),
    );
    expect(gaps).toStrictEqual([]);
  });

  it("map every check that cites the NSA/CISA guide or a Pod Security Standard", () => {
    const nsa = mappedBy("nsa-cisa");
    const baseline = mappedBy("pss-baseline");
    const restricted = mappedBy("pss-restricted");
    const gaps = ALL_CHECKS.flatMap((check) =>
      check.references.flatMap((ref) => {
        if (ref.startsWith("NSA/CISA") && !nsa.has(check.id)) return [`${check.id} cites the NSA/CISA guide`];
        if (ref.startsWith("PSS baseline:") && !(baseline.has(check.id) && restricted.has(check.id)))
          return [`${check.id} is a baseline control`];
        if (ref.startsWith("PSS restricted:") && (baseline.has(check.id) || !restricted.has(check.id)))
          return [`${check.id} is a restricted control`];
        return [];
      }),
    );
    expect(gaps).toStrictEqual([]);
  });

  it("have unique control ids, a title, section and reference for each, and name their version", () => {
    for (const f of ALL_FRAMEWORKS) {
      expect(new Set(f.controls.map((c) => c.id)).size, f.id).toBe(f.controls.length);
      expect(f.version).toMatch(/\d/);
      for (const c of f.controls) {
        expect([c.title, c.section, c.reference].every(Boolean), `${f.id} ${c.id}`).toBe(true);
        if (c.judged.by === "automated") expect(c.judged.checks.length, `${f.id} ${c.id}`).toBeGreaterThan(0);
        if (c.judged.by === "manual") expect(c.judged.evidence.length, `${f.id} ${c.id}`).toBeGreaterThan(20);
      }
    }
    expect(ALL_FRAMEWORKS.map((f) => [f.id, f.version])).toStrictEqual([
      ["cis-kubernetes", "1.12.0"],
      ["nsa-cisa", "1.2"],
      ["pss-baseline", "v1.37"],
      ["pss-restricted", "v1.37"],
    ]);
  });

  it("filter findings by words that the filtered checks really write", () => {
    // A cluster that breaks every rule the filters tell apart.
    const cluster = hardenedEdited((objects, c) => {
      objects.push(
        workload("hosty", "orders", [container("hosty", "registry.internal.example/hosty:1")], {
          podSpec: { hostPID: true, hostIPC: true, hostNetwork: true },
        }),
        clusterRole("everything", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]),
        clusterRoleBinding("alice-all", "everything", [{ kind: "User", name: "alice" }]),
        clusterRoleBinding("alice-admin", "cluster-admin", [{ kind: "User", name: "alice" }]),
        clusterRoleBinding("masters", "view", [{ kind: "Group", name: "system:masters" }]),
        // Each escalation path on its own: a role that grants everything is reported once, as cluster-admin.
        clusterRole("powers", [
          { apiGroups: [""], resources: ["pods", "serviceaccounts/token"], verbs: ["create"] },
          { apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["bind", "escalate"] },
          { apiGroups: [""], resources: ["users"], verbs: ["impersonate"] },
          { apiGroups: [""], resources: ["nodes/proxy"], verbs: ["get"] },
        ]),
        clusterRoleBinding("bob-powers", "powers", [{ kind: "User", name: "bob" }]),
        staticPod("kube-apiserver", [
          "--authorization-mode=AlwaysAllow",
          "--enable-admission-plugins=AlwaysAdmit",
          "--disable-admission-plugins=ServiceAccount,NamespaceLifecycle",
        ]),
        staticPod("etcd", ["--auto-tls=true", "--peer-auto-tls=true"]),
        staticPod("kube-controller-manager", ["--bind-address=0.0.0.0"]),
        staticPod("kube-scheduler", ["--bind-address=0.0.0.0"]),
      );
      c.kubeletConfigs!["node-1"] = kubeletConfig({ rotate: false });
    });
    const inventory = inventoryFromFixture(cluster);
    const filters = ALL_FRAMEWORKS.flatMap((f) =>
      f.controls.flatMap((c) =>
        c.judged.by === "automated" && c.judged.only ? [{ control: `${f.id} ${c.id}`, ...c.judged.only }] : [],
      ),
    );
    expect(filters.length).toBeGreaterThan(5);
    const unmatched = filters.flatMap(({ control, check, messageIncludes }) => {
      const out = getCheck(check)!.evaluate(inventory, contextWith());
      const messages = out.status === "evaluated" ? out.findings.map((f) => f.message) : [];
      return messageIncludes
        .filter((word) => !messages.some((m) => m.includes(word)))
        .map((word) => `${control}: no ${check} finding mentions "${word}"`);
    });
    expect(unmatched).toStrictEqual([]);
  });
});

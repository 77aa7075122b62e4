"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, type FieldControl } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Table, THead, Tr } from "@/components/ui/table";
import type { CheckSettings } from "@/lib/checks/settings";
import { LAYERS, SEVERITIES, type Severity } from "@/lib/checks/types";
import type { CheckSummary } from "@/lib/contracts/checks";
import { settingsMutations } from "@/lib/query/settings";

type Props = {
  settings: CheckSettings;
  catalog: Pick<CheckSummary, "id" | "layer" | "severity" | "title">[];
  canEdit: boolean;
};

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A setting: its name, what it means, its control. */
function Setting({ label, hint, children }: { label: string; hint: string; children: FieldControl }) {
  return (
    <Field label={label} hint={hint} className="block text-sm text-slate-800" labelClassName="font-medium">
      {children}
    </Field>
  );
}

/** A list setting, one value per line. */
function LinesField({
  name,
  label,
  hint,
  values,
}: {
  name: keyof CheckSettings;
  label: string;
  hint: string;
  values: string[];
}) {
  return (
    <Setting label={label} hint={hint}>
      <Textarea
        name={name}
        rows={4}
        defaultValue={values.join("\n")}
        className="w-full font-mono disabled:bg-slate-50"
      />
    </Setting>
  );
}

/** Which checks run and how severe they are, and the inputs some checks read. Admins edit; others read. */
export function CheckSettingsForm({ settings, catalog, canEdit }: Props) {
  const [disabled, setDisabled] = useState(() => new Set(settings.disabledChecks));
  const [overrides, setOverrides] = useState<Record<string, Severity>>(settings.severityOverrides);
  const save = useMutation(settingsMutations.saveChecks());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    save.mutate({
      disabledChecks: catalog.filter((c) => disabled.has(c.id)).map((c) => c.id),
      severityOverrides: overrides,
      allowedRegistries: lines(text("allowedRegistries")),
      systemNamespaces: lines(text("systemNamespaces")),
      ingressNamespaces: lines(text("ingressNamespaces")),
      untrustedLabel: text("untrustedLabel").trim(),
      sandboxHandlers: lines(text("sandboxHandlers")),
      secretRotationDays: Number(text("secretRotationDays")),
    });
  }

  const setSeverity = (id: string, value: string) =>
    setOverrides(({ [id]: _, ...rest }) => (value === "" ? rest : { ...rest, [id]: value as Severity }));

  return (
    <form onSubmit={submit} className="space-y-6" aria-label="Check settings">
      {!canEdit ? <p className="text-sm text-slate-600">Only admins can change these settings.</p> : null}
      <fieldset disabled={!canEdit} className="min-w-0 space-y-6">
        <Card aria-labelledby="inputs-heading" className="grid gap-4 md:grid-cols-2">
          <h2 id="inputs-heading" className="text-base font-semibold md:col-span-2">
            What the checks read
          </h2>
          <LinesField
            name="allowedRegistries"
            values={settings.allowedRegistries}
            label="Allowed registries"
            hint="One per line: a host or host/path prefix. Empty: the untrusted-registry check is not evaluated."
          />
          <LinesField
            name="systemNamespaces"
            values={settings.systemNamespaces}
            label="System namespaces"
            hint="One per line: skipped by the application-hygiene checks (default namespace, PSA labels, service accounts)."
          />
          <LinesField
            name="ingressNamespaces"
            values={settings.ingressNamespaces}
            label="Ingress namespaces"
            hint="One per line: may host LoadBalancer and NodePort Services (ingress controllers, gateways)."
          />
          <LinesField
            name="sandboxHandlers"
            values={settings.sandboxHandlers}
            label="Sandboxed runtime handlers"
            hint="One per line: RuntimeClass handlers that count as sandboxed (gVisor, Kata)."
          />
          <Setting
            label="Untrusted workload label"
            hint="key=value (or a key) on a pod template that marks code you do not trust."
          >
            <Input
              name="untrustedLabel"
              required
              defaultValue={settings.untrustedLabel}
              className="w-full font-mono disabled:bg-slate-50"
            />
          </Setting>
          <Setting label="Secret rotation (days)" hint="A Secret older than this should have been rotated.">
            <Input
              name="secretRotationDays"
              type="number"
              min={1}
              max={3650}
              required
              defaultValue={settings.secretRotationDays}
              className="w-full font-mono disabled:bg-slate-50"
            />
          </Setting>
        </Card>

        <Card aria-labelledby="checks-heading">
          <h2 id="checks-heading" className="text-base font-semibold">
            Checks
          </h2>
          <p className="mb-3 text-xs text-slate-500">
            A check switched off is left out of scores, and its open findings close at the next scan. A severity changes
            the findings it already has.
          </p>
          <div className="overflow-x-auto">
            <Table>
              <THead>
                <tr>
                  <th className="py-1">Runs</th>
                  <th>Check</th>
                  <th>Severity</th>
                </tr>
              </THead>
              {LAYERS.map((layer) => (
                <tbody key={layer}>
                  <tr>
                    <th
                      colSpan={3}
                      scope="rowgroup"
                      className="pt-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
                    >
                      {layer}
                    </th>
                  </tr>
                  {catalog
                    .filter((c) => c.layer === layer)
                    .map((c) => (
                      <Tr ruled key={c.id}>
                        <td className="py-1 pr-3">
                          <input
                            type="checkbox"
                            aria-label={`Run ${c.id}`}
                            checked={!disabled.has(c.id)}
                            onChange={(e) =>
                              setDisabled((d) => {
                                const next = new Set(d);
                                if (e.target.checked) next.delete(c.id);
                                else next.add(c.id);
                                return next;
                              })
                            }
                          />
                        </td>
                        <td className="py-1 pr-3">
                          <span className="font-mono text-xs">{c.id}</span>{" "}
                          <span className="text-slate-600">{c.title}</span>
                        </td>
                        <td className="py-1">
                          <Select
                            aria-label={`Severity of ${c.id}`}
                            value={overrides[c.id] ?? ""}
                            onChange={(e) => setSeverity(c.id, e.target.value)}
                            density="sm"
                            className="rounded-md"
                          >
                            <option value="">{c.severity} (default)</option>
                            {SEVERITIES.filter((s) => s !== c.severity).map((s) => (
                              <option key={s} value={s}>
                                {s}
                              </option>
                            ))}
                          </Select>
                        </td>
                      </Tr>
                    ))}
                </tbody>
              ))}
            </Table>
          </div>
        </Card>
      </fieldset>
      {canEdit ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={save.isPending}>
            Save settings
          </Button>
          <span role="status" className="text-sm text-slate-600">
            {save.isSuccess ? "Saved. Each cluster's next scan uses these settings." : ""}
          </span>
        </div>
      ) : null}
      <FormError message={save.error ? save.error.message : null} />
    </form>
  );
}

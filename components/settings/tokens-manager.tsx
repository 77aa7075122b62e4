"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Choice } from "@/components/ui/choice";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { QuerySection } from "@/components/ui/query-section";
import { ACTIONS_COLUMN, BoxedTable, Td } from "@/components/ui/table";
import { hasRole, type Role } from "@/lib/access/roles";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/access/token-scopes";
import type { TokenSummary } from "@/lib/contracts/tokens";
import { formatUtc } from "@/lib/format-date";
import { accessMutations, accessQueries } from "@/lib/query/access";

import { OneTimeSecret } from "./one-time-secret";

const SCOPE_TEXT: Record<TokenScope, { role: Role; text: string }> = {
  read: { role: "viewer", text: "read: scores, findings, metrics" },
  scan: { role: "analyst", text: "scan: start scans (only that; add read to see results)" },
};

const tokenStatus = (t: TokenSummary) => (t.revokedAt ? "revoked" : t.isExpired ? "expired" : "active");

export function TokensManager({ role }: { role: Role }) {
  const queryClient = useQueryClient();
  const tokens = useQuery(accessQueries.tokens());
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({ ...accessMutations.createToken(queryClient), onSuccess: (r) => setSecret(r.token) });
  const revoke = useMutation(accessMutations.revokeToken(queryClient));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      name: String(form.get("name")),
      scopes: form.getAll("scopes") as TokenScope[],
      expiresInDays: Number(form.get("days")),
    });
  }

  return (
    <div className="space-y-6">
      <Card aria-labelledby="new-token">
        <CardTitle id="new-token" className="mb-3 text-slate-900">
          New API token
        </CardTitle>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-4">
          <label className="text-sm text-slate-700">
            Name
            <br />
            <Input name="name" required maxLength={80} placeholder="prometheus" />
          </label>
          <fieldset className="text-sm text-slate-700">
            <legend>Scopes</legend>
            {TOKEN_SCOPES.filter((s) => hasRole(role, SCOPE_TEXT[s].role)).map((s) => (
              <Choice
                key={s}
                className="mr-3"
                type="checkbox"
                name="scopes"
                value={s}
                defaultChecked={s === "read"}
                label={SCOPE_TEXT[s].text}
              />
            ))}
          </fieldset>
          <label className="text-sm text-slate-700">
            Expires in (days)
            <br />
            <Input name="days" type="number" min={1} max={365} defaultValue={90} required className="w-24" />
          </label>
          <Button type="submit" disabled={create.isPending}>
            Create token
          </Button>
        </form>
        <p className="mt-2 text-xs text-slate-500">
          Send it as <code>Authorization: Bearer &lt;token&gt;</code>. Prometheus scrapes <code>/api/metrics</code> with
          a read token.
        </p>
      </Card>
      {secret ? <OneTimeSecret label="Your new API token" value={secret} onDone={() => setSecret(null)} /> : null}
      <FormError message={create.error?.message ?? revoke.error?.message ?? null} />
      <QuerySection id="tokens-heading" title="Tokens" query={tokens}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="text-sm text-slate-600">No API tokens yet.</p>
          ) : (
            <BoxedTable
              framed
              columns={["Name", "Owner", "Scopes", "Expires (UTC)", "Last used", "Status", ACTIONS_COLUMN]}
            >
              {rows.map((t) => (
                <tr key={t.id} data-testid={`token-${t.name}`}>
                  <Td look="boxed" className="font-medium text-slate-900">
                    {t.name}
                  </Td>
                  <Td look="boxed" className="text-slate-600">
                    {t.ownerEmail}
                  </Td>
                  <Td look="boxed" className="text-slate-600">
                    {t.scopes.join(", ")}
                  </Td>
                  <Td look="boxed" className="text-slate-600">
                    {formatUtc(t.expiresAt)}
                  </Td>
                  <Td look="boxed" className="text-slate-600">
                    {t.lastUsedAt ? formatUtc(t.lastUsedAt) : "never"}
                  </Td>
                  <Td look="boxed">{tokenStatus(t)}</Td>
                  <Td look="boxed" className="text-right">
                    {tokenStatus(t) === "active" ? (
                      <Button variant="danger" size="xs" onClick={() => revoke.mutate(t.id)}>
                        Revoke
                      </Button>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </BoxedTable>
          )
        }
      </QuerySection>
    </div>
  );
}

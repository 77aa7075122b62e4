"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { hasRole, type Role } from "@/lib/access/roles";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/access/token-scopes";
import { formatUtc } from "@/lib/format-date";
import { accessKeys, accessQueries } from "@/lib/query/access";
import { fetchJson } from "@/lib/query/fetch-json";
import { FormError } from "@/components/auth/form-field";
import { OneTimeSecret } from "./one-time-secret";

const SCOPE_TEXT: Record<TokenScope, { role: Role; text: string }> = {
  read: { role: "viewer", text: "read: scores, findings, metrics" },
  scan: { role: "analyst", text: "scan: start scans (only that; add read to see results)" },
};
const INPUT = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function TokensManager({ role }: { role: Role }) {
  const queryClient = useQueryClient();
  const tokens = useQuery(accessQueries.tokens());
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: accessKeys.tokens });
  const create = useMutation({
    mutationFn: (body: { name: string; scopes: TokenScope[]; expiresInDays: number }) => fetchJson<{ token: string }>("/api/tokens", { method: "POST", body }),
    onSuccess: (r) => {
      setSecret(r.token);
      void refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => fetchJson(`/api/tokens/${id}`, { method: "DELETE" }), onSettled: () => void refresh() });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ name: String(form.get("name")), scopes: form.getAll("scopes") as TokenScope[], expiresInDays: Number(form.get("days")) });
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="new-token" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-token" className="mb-3 text-base font-semibold text-slate-900">New API token</h2>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-4">
          <label className="text-sm text-slate-700">Name<br /><input name="name" required maxLength={80} placeholder="prometheus" className={INPUT} /></label>
          <fieldset className="text-sm text-slate-700">
            <legend>Scopes</legend>
            {TOKEN_SCOPES.filter((s) => hasRole(role, SCOPE_TEXT[s].role)).map((s) => (
              <label key={s} className="mr-3 inline-flex items-center gap-1"><input type="checkbox" name="scopes" value={s} defaultChecked={s === "read"} /> {SCOPE_TEXT[s].text}</label>
            ))}
          </fieldset>
          <label className="text-sm text-slate-700">Expires in (days)<br /><input name="days" type="number" min={1} max={365} defaultValue={90} required className={`${INPUT} w-24`} /></label>
          <button type="submit" disabled={create.isPending} className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60">Create token</button>
        </form>
        <p className="mt-2 text-xs text-slate-500">Send it as <code>Authorization: Bearer &lt;token&gt;</code>. Prometheus scrapes <code>/api/metrics</code> with a read token.</p>
      </section>
      {secret ? <OneTimeSecret label="Your new API token" value={secret} onDone={() => setSecret(null)} /> : null}
      <FormError message={create.error?.message ?? revoke.error?.message ?? null} />
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-2 text-base font-semibold text-slate-900">Tokens</h2>
        {tokens.isPending ? <p className="text-sm text-slate-500">Loading tokens…</p> : null}
        {tokens.isError ? <FormError message={`Tokens could not be loaded: ${tokens.error.message}`} /> : null}
        {tokens.data?.length === 0 ? <p className="text-sm text-slate-600">No API tokens yet.</p> : null}
        {tokens.data?.length ? (
          <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr><th className="px-3 py-2">Name</th><th className="px-3 py-2">Owner</th><th className="px-3 py-2">Scopes</th><th className="px-3 py-2">Expires (UTC)</th><th className="px-3 py-2">Last used</th><th className="px-3 py-2">Status</th><th className="px-3 py-2"><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.data.map((t) => {
                const status = t.revokedAt ? "revoked" : t.isExpired ? "expired" : "active";
                return (
                  <tr key={t.id} data-testid={`token-${t.name}`}>
                    <td className="px-3 py-2 font-medium text-slate-900">{t.name}</td>
                    <td className="px-3 py-2 text-slate-600">{t.ownerEmail}</td>
                    <td className="px-3 py-2 text-slate-600">{t.scopes.join(", ")}</td>
                    <td className="px-3 py-2 text-slate-600">{formatUtc(t.expiresAt)}</td>
                    <td className="px-3 py-2 text-slate-600">{t.lastUsedAt ? formatUtc(t.lastUsedAt) : "never"}</td>
                    <td className="px-3 py-2">{status}</td>
                    <td className="px-3 py-2 text-right">
                      {status === "active" ? (
                        <button type="button" className="rounded-md border border-red-300 px-2.5 py-1 text-xs font-medium text-red-700 hover:bg-red-50" onClick={() => revoke.mutate(t.id)}>Revoke</button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ROLES, type Role } from "@/lib/access/roles";
import type { UserSummary } from "@/lib/api/schemas/users";
import { formatUtc } from "@/lib/format-date";
import { accessKeys, accessQueries } from "@/lib/query/access";
import { fetchJson } from "@/lib/query/fetch-json";
import { FormError } from "@/components/auth/form-field";
import { OneTimeSecret } from "./one-time-secret";

const INPUT = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const BUTTON = "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50";

export function UsersManager({ currentUserEmail }: { currentUserEmail: string }) {
  const queryClient = useQueryClient();
  const users = useQuery(accessQueries.users());
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: accessKeys.users });

  const invite = useMutation({
    mutationFn: (body: { email: string; name: string; role: Role }) => fetchJson<{ inviteUrl: string }>("/api/users", { method: "POST", body }),
    onSuccess: (r, body) => {
      setLink({ email: body.email, url: r.inviteUrl });
      void refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: { id: string; role?: Role; disabled?: boolean }) => fetchJson(`/api/users/${id}`, { method: "PATCH", body }),
    onSettled: () => void refresh(),
  });
  const reissue = useMutation({
    mutationFn: (u: UserSummary) => fetchJson<{ inviteUrl: string }>(`/api/users/${u.id}/invite`, { method: "POST" }).then((r) => ({ email: u.email, url: r.inviteUrl })),
    onSuccess: setLink,
  });

  function submitInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    invite.mutate({ email: String(form.get("email")), name: String(form.get("name")), role: form.get("role") as Role });
    event.currentTarget.reset();
  }

  const error = invite.error ?? update.error ?? reissue.error;
  return (
    <div className="space-y-6">
      <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="invite-heading" className="mb-3 text-base font-semibold text-slate-900">Invite a user</h2>
        <form onSubmit={submitInvite} className="flex flex-wrap items-end gap-3">
          <label className="text-sm text-slate-700">Email<br /><input name="email" type="email" required className={INPUT} /></label>
          <label className="text-sm text-slate-700">Name<br /><input name="name" required maxLength={120} className={INPUT} /></label>
          <label className="text-sm text-slate-700">Role<br />
            <select name="role" defaultValue="viewer" className={INPUT}>{ROLES.map((r) => <option key={r}>{r}</option>)}</select>
          </label>
          <button type="submit" disabled={invite.isPending} className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60">Invite</button>
        </form>
        <p className="mt-2 text-xs text-slate-500">Bulwark sends no email: give the one-time link to the person (valid 7 days). Users who sign in through single sign-on need no invitation.</p>
      </section>
      {link ? <OneTimeSecret label={`Sign-in link for ${link.email}`} value={link.url} onDone={() => setLink(null)} /> : null}
      <FormError message={error ? error.message : null} />
      <section aria-labelledby="users-heading">
        <h2 id="users-heading" className="mb-2 text-base font-semibold text-slate-900">Users</h2>
        {users.isPending ? <p className="text-sm text-slate-500">Loading users…</p> : null}
        {users.isError ? <FormError message={`Users could not be loaded: ${users.error.message}`} /> : null}
        {users.data ? (
          <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr><th className="px-3 py-2">User</th><th className="px-3 py-2">Role</th><th className="px-3 py-2">Sign-in</th><th className="px-3 py-2">Last active (UTC)</th><th className="px-3 py-2">Status</th><th className="px-3 py-2"><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.data.map((u) => {
                const self = u.email === currentUserEmail;
                return (
                  <tr key={u.id} data-testid={`user-${u.email}`}>
                    <td className="px-3 py-2"><span className="font-medium text-slate-900">{u.name}</span><br /><span className="text-xs text-slate-500">{u.email}</span></td>
                    <td className="px-3 py-2">
                      <select aria-label={`Role of ${u.email}`} value={u.role} disabled={self || update.isPending} className={INPUT} onChange={(e) => update.mutate({ id: u.id, role: e.target.value as Role })}>
                        {ROLES.map((r) => <option key={r}>{r}</option>)}
                      </select>
                    </td>
                    <td className="px-3 py-2 text-slate-600">{u.signInMethods.join(", ") || (u.hasPendingInvite ? "invited" : "none")}</td>
                    <td className="px-3 py-2 text-slate-600">{u.lastSeenAt ? formatUtc(u.lastSeenAt) : "never"}</td>
                    <td className="px-3 py-2">{u.disabled ? <span className="text-red-700">disabled</span> : <span className="text-emerald-700">active</span>}</td>
                    <td className="space-x-2 px-3 py-2 text-right">
                      {!self ? (
                        <button type="button" className={BUTTON} disabled={update.isPending} onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}>
                          {u.disabled ? "Enable" : "Disable"}
                        </button>
                      ) : null}
                      <button type="button" className={BUTTON} disabled={reissue.isPending} onClick={() => reissue.mutate(u)}>New sign-in link</button>
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

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { QuerySection } from "@/components/ui/query-section";
import { ACTIONS_COLUMN, BoxedTable, Td } from "@/components/ui/table";
import { ROLES, type Role } from "@/lib/access/roles";
import { formatUtc } from "@/lib/format-date";
import { accessMutations, accessQueries, type SignInLink } from "@/lib/query/access";

import { OneTimeSecret } from "./one-time-secret";

export function UsersManager({ currentUserEmail }: { currentUserEmail: string }) {
  const queryClient = useQueryClient();
  const users = useQuery(accessQueries.users());
  const [link, setLink] = useState<SignInLink | null>(null);
  const invite = useMutation({ ...accessMutations.invite(queryClient), onSuccess: setLink });
  const update = useMutation(accessMutations.updateUser(queryClient));
  const reissue = useMutation({ ...accessMutations.reissueInvite(), onSuccess: setLink });

  function submitInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    invite.mutate({ email: String(form.get("email")), name: String(form.get("name")), role: form.get("role") as Role });
    event.currentTarget.reset();
  }

  const error = invite.error ?? update.error ?? reissue.error;
  return (
    <div className="space-y-6">
      <Card aria-labelledby="invite-heading">
        <CardTitle id="invite-heading" className="mb-3 text-slate-900">
          Invite a user
        </CardTitle>
        <form onSubmit={submitInvite} className="flex flex-wrap items-end gap-3">
          <label className="text-sm text-slate-700">
            Email
            <br />
            <Input name="email" type="email" required />
          </label>
          <label className="text-sm text-slate-700">
            Name
            <br />
            <Input name="name" required maxLength={120} />
          </label>
          <label className="text-sm text-slate-700">
            Role
            <br />
            <Select name="role" defaultValue="viewer">
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </Select>
          </label>
          <Button type="submit" disabled={invite.isPending}>
            Invite
          </Button>
        </form>
        <p className="mt-2 text-xs text-slate-500">
          Bulwark sends no email: give the one-time link to the person (valid 7 days). Users who sign in through single
          sign-on need no invitation.
        </p>
      </Card>
      {link ? (
        <OneTimeSecret label={`Sign-in link for ${link.email}`} value={link.url} onDone={() => setLink(null)} />
      ) : null}
      <FormError message={error ? error.message : null} />
      <QuerySection id="users-heading" title="Users" query={users}>
        {(rows) => (
          <BoxedTable framed columns={["User", "Role", "Sign-in", "Last active (UTC)", "Status", ACTIONS_COLUMN]}>
            {rows.map((u) => {
              const self = u.email === currentUserEmail;
              return (
                <tr key={u.id} data-testid={`user-${u.email}`}>
                  <Td look="boxed">
                    <span className="font-medium text-slate-900">{u.name}</span>
                    <br />
                    <span className="text-xs text-slate-500">{u.email}</span>
                  </Td>
                  <Td look="boxed">
                    <Select
                      aria-label={`Role of ${u.email}`}
                      value={u.role}
                      disabled={self || update.isPending}
                      onChange={(e) => update.mutate({ id: u.id, role: e.target.value as Role })}
                    >
                      {ROLES.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </Select>
                  </Td>
                  <Td look="boxed" className="text-slate-600">
                    {u.signInMethods.join(", ") || (u.hasPendingInvite ? "invited" : "none")}
                  </Td>
                  <Td look="boxed" className="text-slate-600">
                    {u.lastSeenAt ? formatUtc(u.lastSeenAt) : "never"}
                  </Td>
                  <Td look="boxed">
                    {u.disabled ? (
                      <span className="text-red-700">disabled</span>
                    ) : (
                      <span className="text-emerald-700">active</span>
                    )}
                  </Td>
                  <Td look="boxed" className="space-x-2 text-right">
                    {!self ? (
                      <Button
                        variant="secondary"
                        size="xs"
                        className="text-slate-700"
                        disabled={update.isPending}
                        onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}
                      >
                        {u.disabled ? "Enable" : "Disable"}
                      </Button>
                    ) : null}
                    <Button
                      variant="secondary"
                      size="xs"
                      className="text-slate-700"
                      disabled={reissue.isPending}
                      onClick={() => reissue.mutate(u)}
                    >
                      New sign-in link
                    </Button>
                  </Td>
                </tr>
              );
            })}
          </BoxedTable>
        )}
      </QuerySection>
    </div>
  );
}

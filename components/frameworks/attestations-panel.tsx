"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th, THead, Tr } from "@/components/ui/table";
import type { AttestationSummary } from "@/lib/contracts/frameworks";
import { formatUtc } from "@/lib/format-date";
import { attestationMutations } from "@/lib/query/attestations";

type Props = {
  frameworkId: string;
  controlId: string;
  critical: boolean;
  rows: AttestationSummary[];
  clusters: { id: string; name: string }[];
  me: string;
  canAct: boolean;
  today: string;
  maxDay: string;
};

/** A manual control's attestations per cluster, and for analysts: attest, approve (a critical one, by another person), revoke. */
export function AttestationsPanel({
  frameworkId,
  controlId,
  critical,
  rows,
  clusters,
  me,
  canAct,
  today,
  maxDay,
}: Props) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    ...attestationMutations.attest(),
    onSuccess: (r) => {
      setDone(
        r.status === "pending"
          ? "Recorded. It takes effect once another analyst or an admin approves it."
          : "Attested. It counts from the next snapshot.",
      );
      router.refresh();
    },
  });
  const act = useMutation({ ...attestationMutations.act(), onSettled: () => router.refresh() });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      frameworkId,
      controlId,
      clusterId: String(form.get("clusterId")),
      note: String(form.get("note")),
      expiresAt: String(form.get("expiresAt")),
    });
  }
  return (
    <div className="space-y-4">
      <FormError message={act.error?.message ?? null} />
      {rows.length ? (
        <div className="relative overflow-x-auto">
          <Table>
            <caption className="sr-only">Attestations</caption>
            <THead>
              <tr>
                <Th>Cluster</Th>
                <Th>Status</Th>
                <Th>Evidence</Th>
                <Th>Attested / approved by</Th>
                <Th>Until (UTC)</Th>
                <th className="py-1">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </THead>
            <tbody>
              {rows.map((a) => (
                <Tr ruled key={a.id} className="align-top">
                  <Td>{a.clusterName}</Td>
                  <Td>{a.status}</Td>
                  <Td className="max-w-md whitespace-pre-wrap">{a.note}</Td>
                  <Td>
                    {`${a.author}, ${formatUtc(a.createdAt)}`}
                    {a.approver ? (
                      <>
                        <br />
                        {`approved by ${a.approver}`}
                      </>
                    ) : null}
                  </Td>
                  <Td>{formatUtc(a.expiresAt)}</Td>
                  <td className="space-x-1 py-1.5">
                    {canAct && a.status === "pending" && a.author !== me ? (
                      <Button
                        variant="approve"
                        size="xs"
                        disabled={act.isPending}
                        onClick={() => act.mutate({ id: a.id, action: "approve" })}
                      >
                        Approve
                      </Button>
                    ) : null}
                    {canAct && (a.status === "pending" || a.status === "active") ? (
                      <Button
                        variant="secondary"
                        size="xs"
                        className="border-slate-400 text-slate-700"
                        disabled={act.isPending}
                        onClick={() => act.mutate({ id: a.id, action: "revoke" })}
                      >
                        Revoke
                      </Button>
                    ) : null}
                  </td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Not attested on any cluster.</p>
      )}
      {canAct && clusters.length ? (
        done ? (
          <Notice role="status" tone="success">
            {done}
          </Notice>
        ) : (
          <form onSubmit={submit} aria-label="Attest this control" className="space-y-3 text-sm">
            <Field label="Cluster" className="block w-64">
              <Select name="clusterId" required layout="block">
                {clusters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Evidence (what you checked, where, and what it showed)" className="block">
              <Textarea name="note" required minLength={10} maxLength={4000} rows={3} layout="block" />
            </Field>
            <Field label="Holds until (UTC)" className="block w-48">
              <Input type="date" name="expiresAt" required min={today} max={maxDay} layout="block" />
            </Field>
            {critical ? (
              <p className="text-xs text-amber-800">
                This is a critical control: a second person must approve before it counts.
              </p>
            ) : null}
            <FormError message={create.error?.message ?? null} />
            <Button type="submit" disabled={create.isPending}>
              Attest
            </Button>
          </form>
        )
      ) : null}
    </div>
  );
}

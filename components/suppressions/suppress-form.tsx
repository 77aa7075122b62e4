"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Choice } from "@/components/ui/choice";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { suppressionMutations } from "@/lib/query/suppressions";

/** Accept the risk of a finding: scope, reason and expiry (a year at most). */
export function SuppressForm({
  findingId,
  resource,
  namespace,
  needsApproval,
  today,
  maxDay,
  defaultDay,
}: {
  findingId: string;
  resource: string;
  namespace: string;
  needsApproval: boolean;
  today: string;
  maxDay: string;
  defaultDay: string;
}) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    ...suppressionMutations.propose(),
    onSuccess: (r) => {
      setDone(
        r.status === "pending"
          ? "Proposed. It takes effect once another analyst or an admin approves it on the Accepted risks page."
          : "Accepted. It counts as passing from the next snapshot.",
      );
      router.refresh();
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      findingId,
      scope: String(form.get("scope")),
      reason: String(form.get("reason")),
      expiresAt: String(form.get("expiresAt")),
    });
  }
  if (done)
    return (
      <Notice role="status" tone="success">
        {done}
      </Notice>
    );
  return (
    <form onSubmit={submit} aria-label="Accept this risk" className="space-y-3 text-sm">
      <fieldset>
        <legend className="font-medium">Applies to</legend>
        <Choice
          className="mr-4"
          type="radio"
          name="scope"
          value="resource"
          defaultChecked
          label={<>this resource ({resource})</>}
        />
        {namespace ? (
          <Choice
            className="mr-4"
            type="radio"
            name="scope"
            value="namespace"
            label={<>this check in namespace {namespace}</>}
          />
        ) : null}
        <Choice type="radio" name="scope" value="cluster" label="this check in the whole cluster" />
      </fieldset>
      <Field label="Reason (who owns the risk, why it is acceptable, what mitigates it)" className="block">
        <Textarea name="reason" required minLength={10} maxLength={2000} rows={3} layout="block" />
      </Field>
      <Field label="Expires on (UTC)" className="block w-48">
        <Input
          type="date"
          name="expiresAt"
          required
          min={today}
          max={maxDay}
          defaultValue={defaultDay}
          layout="block"
        />
      </Field>
      {needsApproval ? (
        <p className="text-xs text-amber-800">
          This is a critical or high finding: a second person must approve before it takes effect.
        </p>
      ) : null}
      <FormError message={create.error?.message ?? null} />
      <Button type="submit" variant="caution" disabled={create.isPending}>
        Propose accepted risk
      </Button>
    </form>
  );
}

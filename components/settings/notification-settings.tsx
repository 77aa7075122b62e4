"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Card, cardClass, CardTitle } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { SEVERITIES, type Severity } from "@/lib/checks/types";
import type { NotificationSettingsView } from "@/lib/contracts/notifications";
import { settingsMutations } from "@/lib/query/settings";

import { OneTimeSecret } from "./one-time-secret";

/** The webhook new findings go to: set, test, rotate its signing secret, or turn it off. */
export function NotificationSettings({ initial }: { initial: NotificationSettingsView }) {
  const [current, setCurrent] = useState(initial);
  const [secret, setSecret] = useState<string | null>(null);
  const save = useMutation({
    ...settingsMutations.saveNotifications(),
    onSuccess: (r) => {
      setCurrent(r.data);
      setSecret(r.secret ?? null);
    },
  });
  const test = useMutation(settingsMutations.testNotifications());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const url = String(form.get("webhookUrl") ?? "").trim();
    save.mutate({
      webhookUrl: url || null,
      minSeverity: form.get("minSeverity") as Severity,
      rotateSecret: form.get("rotateSecret") === "on",
    });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} aria-label="Webhook" className={cardClass("space-y-3 text-sm")}>
        <h2 className="text-base font-semibold">Webhook for new findings</h2>
        <p className="text-slate-600">
          After each scan, the findings it opened at or above the chosen severity are POSTed as JSON (at most 100, with
          the total and a one-line
          <code> text</code> summary that Slack and Mattermost incoming webhooks show as is), leaving out those an
          accepted risk covers. A cluster&apos;s first scan is its baseline and sends nothing. The URL is stored
          encrypted; deliveries are in the audit log.
        </p>
        <label className="block text-slate-800">
          URL <span className="text-xs text-slate-500">(https; empty turns notifications off)</span>
          <Input
            name="webhookUrl"
            type="url"
            defaultValue={current.webhookUrl ?? ""}
            placeholder="https://hooks.example.com/…"
            className="mt-1 block w-full font-mono"
          />
        </label>
        <div className="flex flex-wrap items-end gap-4">
          <label className="text-slate-800">
            Send findings at or above
            <br />
            <Select name="minSeverity" defaultValue={current.minSeverity}>
              {SEVERITIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </Select>
          </label>
          {current.hasSecret ? (
            <label className="flex items-center gap-2 text-slate-800">
              <input type="checkbox" name="rotateSecret" /> Issue a new signing secret
            </label>
          ) : null}
          <Button type="submit" disabled={save.isPending}>
            Save
          </Button>
          {current.webhookUrl ? (
            <Button
              variant="secondary"
              size="sm"
              className="bg-white"
              disabled={test.isPending}
              onClick={() => test.mutate()}
            >
              Send a test
            </Button>
          ) : null}
        </div>
        <p role="status" className="text-slate-700">
          {save.isSuccess && !secret ? (current.webhookUrl ? "Saved." : "Notifications are off.") : ""}
          {test.data
            ? test.data.ok
              ? ` Test delivered (HTTP ${test.data.status}).`
              : ` Test failed: ${test.data.error}.`
            : ""}
        </p>
        <FormError message={save.error?.message ?? test.error?.message ?? null} />
      </form>
      {secret ? <OneTimeSecret label="Signing secret" value={secret} onDone={() => setSecret(null)} /> : null}
      <Card aria-labelledby="verify" className="text-sm text-slate-700">
        <CardTitle id="verify">Checking a delivery</CardTitle>
        <p>
          Each request carries <code>X-Bulwark-Event</code> (<code>findings.new</code> or <code>test</code>),{" "}
          <code>X-Bulwark-Delivery</code>, <code>X-Bulwark-Timestamp</code> and{" "}
          <code>X-Bulwark-Signature: sha256=HMAC-SHA256(secret, timestamp + &quot;.&quot; + body)</code>. Reject a
          request whose signature differs or whose timestamp is more than five minutes old.
        </p>
      </Card>
    </div>
  );
}

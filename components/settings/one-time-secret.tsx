"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";

/** A secret shown exactly once (an invitation link, an API token), with a copy button. */
export function OneTimeSecret({ label, value, onDone }: { label: string; value: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-medium text-amber-900">{label}: copy it now, it will not be shown again.</p>
      <code
        data-testid="one-time-secret"
        className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900"
      >
        {value}
      </code>
      <div className="mt-3 flex gap-2">
        <Button
          variant="caution"
          size="sm"
          className="font-normal"
          onClick={() => void navigator.clipboard?.writeText(value).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          className="border-amber-700 font-normal text-amber-900 hover:bg-amber-100"
          onClick={onDone}
        >
          Done
        </Button>
      </div>
    </div>
  );
}

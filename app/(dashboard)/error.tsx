"use client";

import { EmptyState } from "@/components/ui/empty-state";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState
      title="This page could not be loaded"
      action={
        <button type="button" onClick={reset} className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
          Try again
        </button>
      }
    >
      Bulwark could not read its data{error.digest ? ` (reference ${error.digest})` : ""}. Check that the database is
      running; the server log has the details.
    </EmptyState>
  );
}

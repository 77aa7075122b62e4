"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState title="This page could not be loaded" action={<Button onClick={reset}>Try again</Button>}>
      Bulwark could not read its data{error.digest ? ` (reference ${error.digest})` : ""}. Check that the database is
      running; the server log has the details.
    </EmptyState>
  );
}

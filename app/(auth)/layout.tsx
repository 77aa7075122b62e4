import type { ReactNode } from "react";

import { Card } from "@/components/ui/card";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <Card as="div" className="w-full max-w-sm p-8 shadow-sm">
        <p className="mb-6 text-center text-xl font-bold tracking-tight text-slate-900">Bulwark</p>
        {children}
      </Card>
    </main>
  );
}

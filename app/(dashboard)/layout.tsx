import type { ReactNode } from "react";
import { AppNav } from "@/components/layout/app-nav";
import { UserMenu } from "@/components/layout/user-menu";
import { requirePageCaller } from "@/lib/api/page-caller";

// Every dashboard page needs a signed-in user; the check runs on the server for each request.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const caller = await requirePageCaller();
  return (
    <div className="flex min-h-screen">
      <aside className="no-print flex w-56 shrink-0 flex-col bg-slate-900 px-3 py-5">
        <div className="mb-6 px-3 text-lg font-bold tracking-tight text-white">Bulwark</div>
        <AppNav isAdmin={caller.role === "admin"} />
        <UserMenu name={caller.name} email={caller.email} role={caller.role} />
      </aside>
      <main id="main" className="min-w-0 flex-1 px-8 py-6">
        {children}
      </main>
    </div>
  );
}

import type { ReactNode } from "react";

import { AppNav } from "@/components/layout/app-nav";
import { UserMenu } from "@/components/layout/user-menu";
import { requirePageCaller } from "@/lib/api/page-caller";

// Every dashboard page needs a signed-in user; the check runs on the server for each request.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const caller = await requirePageCaller();
  return (
    // On a phone the navigation is a bar across the top that scrolls sideways; from md up, a sidebar.
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="no-print flex w-full shrink-0 flex-col bg-slate-900 px-3 py-3 md:w-56 md:py-5">
        <div className="mb-2 px-3 text-lg font-bold tracking-tight text-white md:mb-6">Bulwark</div>
        <AppNav isAdmin={caller.role === "admin"} />
        <UserMenu name={caller.name} email={caller.email} role={caller.role} />
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-4 md:px-8 md:py-6">
        {children}
      </main>
    </div>
  );
}

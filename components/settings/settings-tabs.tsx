import Link from "next/link";

import type { Role } from "@/lib/access/roles";
import { cn } from "@/lib/utils";

const TABS = [
  { href: "/settings", label: "Clusters", admin: false },
  { href: "/settings/checks", label: "Checks", admin: false },
  { href: "/settings/notifications", label: "Notifications", admin: true },
  { href: "/settings/users", label: "Users", admin: true },
  { href: "/settings/tokens", label: "API tokens", admin: false },
] as const;

export function SettingsTabs({ current, role }: { current: string; role: Role }) {
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200">
      {TABS.filter((t) => !t.admin || role === "admin").map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={current === t.href ? "page" : undefined}
          className={cn(
            "-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
            current === t.href
              ? "border-sky-700 text-sky-800"
              : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

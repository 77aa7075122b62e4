"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/utils";

const NAV_ITEMS = [
  { href: "/", label: "Overview", admin: false },
  { href: "/clusters", label: "Clusters", admin: false },
  { href: "/findings", label: "Findings", admin: false },
  { href: "/suppressions", label: "Accepted risks", admin: false },
  { href: "/frameworks", label: "Frameworks", admin: false },
  { href: "/compare", label: "Compare", admin: false },
  { href: "/reports", label: "Reports", admin: false },
  { href: "/checks", label: "Checks", admin: false },
  { href: "/audit", label: "Audit log", admin: true },
  { href: "/settings", label: "Settings", admin: false },
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function AppNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Main"
      className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1 md:mx-0 md:flex-col md:overflow-visible md:px-0 md:pb-0"
    >
      {NAV_ITEMS.filter((item) => !item.admin || isAdmin).map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "shrink-0 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-slate-300 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-sky-400",
              active && "bg-slate-800 text-white",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

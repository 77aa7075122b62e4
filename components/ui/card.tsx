import type { HTMLAttributes } from "react";

import { cn } from "@/lib/utils";

/** The classes of a card, for forms and lists that are one. */
export function cardClass(className?: string): string {
  return cn("rounded-lg border border-slate-200 bg-white p-4", className);
}

/** A white, bordered panel: a section of a page (a <section>, or another element with `as`). */
export function Card({
  as: Tag = "section",
  className,
  ...props
}: { as?: "section" | "div" | "article" | "dl" | "ul" } & HTMLAttributes<HTMLElement>) {
  return <Tag className={cardClass(className)} {...props} />;
}

/** A card's heading. */
export function CardTitle({ className, ...props }: HTMLAttributes<HTMLHeadingElement>) {
  return <h2 className={cn("mb-2 text-base font-semibold", className)} {...props} />;
}

import Link from "next/link";

/**
 * "Clusters 21–40 of 100, by name (20 a page)" with Previous/Next links, for a list read a page
 * at a time; shown only when the list is longer than a page. `href(n)` is page n's address.
 */
export function Pager({
  label,
  page,
  size,
  total,
  shown,
  href,
  testId,
  order = "by name",
}: {
  label: string;
  /** how the list is ordered, said after the range */
  order?: string;
  page: number;
  size: number;
  total: number;
  shown: number;
  href: (page: number) => string;
  testId?: string;
}) {
  if (total <= size) return null;
  const pages = Math.ceil(total / size);
  const first = (page - 1) * size + 1;
  return (
    <nav
      aria-label={label}
      className="mb-4 flex flex-wrap items-center gap-4 text-sm text-slate-700"
      data-testid={testId}
    >
      <span>
        {shown
          ? `${label} ${first}–${first + shown - 1} of ${total.toLocaleString("en")}, ${order}`
          : `No ${label.toLowerCase()} on page ${page} of ${pages}`}{" "}
        ({size} a page)
      </span>
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pages))} className="text-sky-800 underline">
          Previous page
        </Link>
      ) : null}
      {page < pages ? (
        <Link href={href(page + 1)} className="text-sky-800 underline">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

/** A `?page=` value as a page number: anything but a whole number from 1 up is page 1. */
export function pageParam(value: string | undefined): number {
  const n = Number(value ?? "1");
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

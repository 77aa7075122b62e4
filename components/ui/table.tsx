import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

import { cn } from "@/lib/utils";

/**
 * Tables come in two looks: "boxed" (a grey header row, padded cells, its own border: a table
 * that is the page's content) and "plain" (cells in rows, inside a card).
 */
export type TableLook = "boxed" | "plain";

const HEAD: Record<TableLook, string> = {
  boxed: "bg-slate-50 text-xs uppercase tracking-wide text-slate-500",
  plain: "text-xs uppercase text-slate-500",
};
const CELL: Record<TableLook, string> = { boxed: "px-3 py-2", plain: "py-1.5 pr-3" };
const HEADER_CELL: Record<TableLook, string> = { boxed: "px-3 py-2", plain: "py-1 pr-3" };

/** A boxed table's scrolling border (relative, so that screen-reader-only text in it scrolls with it rather than widening the page). */
export function TableFrame({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div className={cn("relative overflow-x-auto rounded-lg border border-slate-200 bg-white", className)} {...props} />
  );
}

export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return <table className={cn("w-full text-left text-sm", className)} {...props} />;
}

export function THead({
  look = "plain",
  className,
  ...props
}: { look?: TableLook } & HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn(HEAD[look], className)} {...props} />;
}

/** Rows with a rule between them. */
export function TBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn("divide-y divide-slate-100", className)} {...props} />;
}

/** A row with a rule above it (for a body that is not a TBody, or a row group). */
export function Tr({ ruled = false, className, ...props }: { ruled?: boolean } & HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn(ruled && "border-t border-slate-100", className)} {...props} />;
}

export function Th({
  look = "plain",
  className,
  ...props
}: { look?: TableLook } & ThHTMLAttributes<HTMLTableCellElement>) {
  return <th className={cn(HEADER_CELL[look], className)} {...props} />;
}

export function Td({
  look = "plain",
  className,
  ...props
}: { look?: TableLook } & TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn(CELL[look], className)} {...props} />;
}

/** A boxed table from its column headings and its rows; `caption` names it for screen readers; `framed`, in its own scrolling border. */
export function BoxedTable({
  columns,
  caption,
  framed = false,
  children,
}: {
  columns: ReactNode[];
  caption?: string;
  framed?: boolean;
  children: ReactNode;
}) {
  const table = (
    <Table>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <THead look="boxed">
        <tr>
          {columns.map((c, i) => (
            <Th key={i} look="boxed">
              {c}
            </Th>
          ))}
        </tr>
      </THead>
      <TBody>{children}</TBody>
    </Table>
  );
  return framed ? <TableFrame>{table}</TableFrame> : table;
}

/** The heading of a column of row actions: named for screen readers only. */
export const ACTIONS_COLUMN = <span className="sr-only">Actions</span>;

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { CardTitle } from "./card";
import { FormError } from "./form-error";

/** A headed section listing what a query loads: "Loading …" while it runs, its error if it fails, then its rows. */
export function QuerySection<T>({
  id,
  title,
  query,
  children,
}: {
  id: string;
  title: string;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <CardTitle id={id} className="text-slate-900">
        {title}
      </CardTitle>
      {query.isPending ? <p className="text-sm text-slate-500">{`Loading ${title.toLowerCase()}…`}</p> : null}
      {query.isError ? <FormError message={`${title} could not be loaded: ${query.error.message}`} /> : null}
      {query.data === undefined ? null : children(query.data)}
    </section>
  );
}

import type { CsvFile } from "@/lib/exports/csv-file";

/** A CSV export as a download, never cached. */
export function csvResponse({ body, fileName }: CsvFile): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}

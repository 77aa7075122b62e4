import Papa from "papaparse";
import Cursor from "pg-cursor";

import { FORMULA_START } from "@/lib/csv/csv-cell";

import { getPool } from "./pool";

const BATCH = 300;
/**
 * Papa Parse writes RFC 4180 CSV about twice as fast as csv-stringify. Its escapeFormulae
 * prefixes a quote to any cell starting with = + - @, a tab or a carriage return (OWASP CSV
 * injection), which covers every cell from a cluster or a user; it is given the CLI's rule,
 * which tests the first character only (Papa's own pattern needs the whole cell to match
 * without a line break, so `=1+1\n+cmd` slipped through).
 */
const toCsv = (rows: string[][]) => Papa.unparse(rows, { escapeFormulae: FORMULA_START, header: false }) + "\r\n";

/**
 * A query's rows (text columns, in `rowMode: "array"`) as a CSV byte stream: UTF-8, the header
 * row, then one row per result row, each batch passed through `edit` first. Rows come through a
 * server-side cursor a batch at a time, pulled only as fast as the client reads, so memory stays
 * flat whatever the row count; a client that goes away closes the cursor and returns the
 * connection. Every cell is neutralised against spreadsheet formula injection.
 */
export async function streamQueryCsv(
  text: string,
  values: unknown[],
  header: string[],
  edit: (rows: string[][]) => void = () => {},
): Promise<ReadableStream<Uint8Array>> {
  const client = await getPool().connect();
  const cursor = client.query(new Cursor(text, values, { rowMode: "array" }));
  let released = false;
  let ahead: Promise<unknown[]> | null = null;
  const release = async (error?: Error) => {
    if (released) return;
    released = true;
    await ahead?.catch(() => {});
    await cursor.close().catch(() => {});
    client.release(error);
  };
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(toCsv([header])));
      },
      async pull(controller) {
        try {
          // One batch in flight ahead: the database fetches the next rows while this batch is written.
          const rows = (await (ahead ?? cursor.read(BATCH))) as string[][];
          ahead = rows.length ? cursor.read(BATCH) : null;
          if (rows.length === 0) {
            await release();
            controller.close();
            return;
          }
          edit(rows);
          controller.enqueue(encoder.encode(toCsv(rows)));
        } catch (error) {
          await release(error as Error);
          controller.error(error);
        }
      },
      async cancel() {
        await release();
      },
    },
    { highWaterMark: 1 },
  );
}

// `compression` ships no types, and those on DefinitelyTyped describe it on Express's request and
// response; scripts/web-server.mjs uses it as the connect middleware it is, on Node's own.
declare module "compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export default function compression(options?: {
    /** zlib level, 0–9 */
    level?: number;
  }): (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}

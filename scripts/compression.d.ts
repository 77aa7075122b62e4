// `compression` ships no types, and those on DefinitelyTyped describe it on Express's request and
// response; scripts/web-server.mjs uses it as the connect middleware it is, on Node's own.
declare module "compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  import type { BrotliOptions } from "node:zlib";

  export default function compression(options?: {
    /** gzip's zlib level, 0–9 */
    level?: number;
    /** brotli's options (quality in `params`), for clients that accept it */
    brotli?: BrotliOptions;
  }): (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}

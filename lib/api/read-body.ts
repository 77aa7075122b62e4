import { AppError } from "@/lib/errors";

/**
 * The largest request body any route accepts. The biggest legitimate one is an uploaded
 * kubeconfig (at most 256 Ki characters, up to 4 bytes each in UTF-8, plus JSON escaping):
 * 1 MiB holds it with room to spare.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () =>
  new AppError("PAYLOAD_TOO_LARGE", { userMessage: `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.` });

/** The body's text, read no further than the limit, whatever Content-Length claims. */
async function readText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The request's JSON body (undefined when empty); 413 past the limit, 400 when it is not JSON. */
export async function readBody(request: Request): Promise<unknown> {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const text = await readText(request);
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", { userMessage: "The request body is not valid JSON." });
  }
}

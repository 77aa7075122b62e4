import { APP_ERROR_STATUS, type AppErrorCode } from "@/lib/errors";

export type InvalidParam = { name: string; reason: string };

/** An RFC 9457 problem+json response. `detail` must be safe to show: never internals. */
export function problem(
  code: AppErrorCode,
  detail: string,
  requestId: string,
  invalidParams?: InvalidParam[],
): Response {
  const status = APP_ERROR_STATUS[code];
  const body = {
    title: code.toLowerCase().replace(/_/g, " "),
    status,
    detail,
    code,
    requestId,
    invalid_params: invalidParams,
  };
  return Response.json(body, {
    status,
    headers: { "content-type": "application/problem+json", "x-request-id": requestId },
  });
}

/** An API error as the server described it (problem+json): safe to show to the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly invalidParams: { name: string; reason: string }[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** fetch for Bulwark's JSON API: sends JSON, returns the parsed body, throws ApiError with the server's words. */
export async function fetchJson<T>(
  url: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? "GET",
    signal: init.signal,
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
  });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok) {
    const detail =
      typeof body?.detail === "string"
        ? body.detail
        : typeof body?.message === "string"
          ? body.message
          : `The request failed (${res.status}).`;
    const invalid = Array.isArray(body?.invalid_params)
      ? (body.invalid_params as { name: string; reason: string }[])
      : [];
    throw new ApiError(
      res.status,
      invalid.length ? `${detail} ${invalid.map((i) => `${i.name.split(".").pop()}: ${i.reason}`).join("; ")}` : detail,
      invalid,
    );
  }
  return body as T;
}

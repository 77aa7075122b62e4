/** Stable error codes; the HTTP status of each lives in APP_ERROR_STATUS and nowhere else. */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  | "UNPROCESSABLE"
  | "CONFIGURATION"
  | "UNAVAILABLE"
  | "INTERNAL";

export const APP_ERROR_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  CONFIGURATION: 500,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** The one error type thrown from lib/. `userMessage` is safe to show; `message` is for logs. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string | undefined;

  constructor(code: AppErrorCode, options: { message?: string; userMessage?: string; cause?: unknown } = {}) {
    super(options.message ?? options.userMessage ?? code, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = options.userMessage;
  }
}

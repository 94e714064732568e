// The one error type data functions throw for expected failures. Actions and
// route handlers turn it into a result in lib/actions/result.ts.
export type AppErrorKind = "not_found" | "forbidden" | "invalid" | "conflict";

export type FieldErrors = Record<string, string[] | undefined>;

export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

// Not found and forbidden read the same, so a caller cannot probe whether
// another therapist's client exists.
export const NOT_FOUND_MESSAGE = "We couldn't find that. It may have been removed, or you may not have access.";

export const notFound = () => new AppError("not_found", NOT_FOUND_MESSAGE);
export const forbidden = () => new AppError("forbidden", NOT_FOUND_MESSAGE);
export const invalid = (message: string, fieldErrors: FieldErrors = {}) => new AppError("invalid", message, fieldErrors);
export const conflict = (message: string, fieldErrors: FieldErrors = {}) => new AppError("conflict", message, fieldErrors);

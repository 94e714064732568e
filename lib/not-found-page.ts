import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/validations/text";

/**
 * For pages: a record that is missing or someone else's (an AppError from a
 * data function) shows the not-found page; anything else is a real error.
 */
export function orNotFound<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
}

/**
 * For dynamic segments (their layout.tsx): an id in the URL that no record
 * can have — a NUL byte, a path, a megabyte of text — is not found before any
 * query, audit event or page runs. Entry keys (a date or log-…) have the same
 * shape as ids.
 */
export async function requireIdParams<P extends Record<string, string | string[] | undefined>>(
  params: Promise<P>,
  ...names: (keyof P & string)[]
): Promise<P> {
  const values = await params;
  if (names.some((name) => !isId(values[name]))) notFound();
  return values;
}

import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

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

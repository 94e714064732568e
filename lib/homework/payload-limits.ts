import { invalid } from "@/lib/errors";
import { MAX_VERSION } from "@/lib/validations/entries";
import { isId } from "@/lib/validations/text";
import { ENTRY_CLOSED } from "./entry-errors";

/**
 * The most one entry may hold, as UTF-8 JSON. Every template's own limits
 * (e.g. 20,000 characters for a long answer) keep a real entry well below it;
 * it stops a pasted book or a crafted request before any template is read.
 * It also stays below the Server Action body limit (1 MB), so the client gets
 * this message instead of a refused request.
 */
export const MAX_ENTRY_BYTES = 200_000;

export const ENTRY_TOO_LONG =
  "This entry is too long to save — please shorten your longest answer. What you wrote is still here on this page.";
export const ANSWER_TOO_LONG = "This answer is too long to save. Please shorten it.";

const encoder = new TextEncoder();

function byteLength(value: unknown): number {
  try {
    // undefined (no answer) counts as nothing.
    return encoder.encode(JSON.stringify(value) ?? "").length;
  } catch {
    // Nested deeper than the stack allows (or a BigInt): no real entry looks like that.
    return Infinity;
  }
}

/**
 * Refuses answers whose stored form would be over the limit, naming the
 * longest answer so the form can show the message next to it.
 */
export function assertEntryFits(answers: unknown): void {
  if (byteLength(answers) <= MAX_ENTRY_BYTES) return;
  let longest: string | undefined;
  let longestSize = -1;
  if (answers && typeof answers === "object" && !Array.isArray(answers)) {
    for (const [key, value] of Object.entries(answers)) {
      const size = byteLength(value);
      if (size > longestSize) [longest, longestSize] = [key, size];
    }
  }
  throw invalid(ENTRY_TOO_LONG, longest ? { [longest]: [ANSWER_TOO_LONG] } : {});
}

/**
 * The parts of a save or submission that go into queries, checked again here
 * so a caller other than the action (a script, a test, a future route) cannot
 * reach PostgreSQL with a version it cannot store.
 */
export function assertEntryInput(input: { entryKey: unknown; baseVersion: unknown; answers: unknown }): void {
  // Entry keys are a due date or log-…: id-shaped, like the ids loadOwnAssignment checks.
  if (!isId(input.entryKey)) throw invalid(ENTRY_CLOSED);
  const { baseVersion } = input;
  if (typeof baseVersion !== "number" || !Number.isInteger(baseVersion) || baseVersion < 0 || baseVersion > MAX_VERSION) {
    throw invalid("This entry could not be saved.");
  }
  assertEntryFits(input.answers);
}

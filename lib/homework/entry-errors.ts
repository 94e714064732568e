import { AppError } from "@/lib/errors";
import type { Answers } from "@/lib/exercises";
import { mergeAnswers } from "./split-answers";

/** Another tab or device saved this entry after the caller last loaded it. */
export class DraftConflict extends AppError {
  constructor(
    readonly current: { answers: Answers; privateKeys: string[]; version: number; updatedAt: Date },
  ) {
    super("conflict", "This entry was changed in another tab or on another device.");
  }

  /** From the stored row that won: what the other tab or device saved. */
  static fromRow(row: { answers: unknown; privateAnswers: unknown; privateKeys: string[]; version: number; updatedAt: Date }) {
    return new DraftConflict({
      answers: mergeAnswers(row.answers, row.privateAnswers),
      privateKeys: row.privateKeys,
      version: row.version,
      updatedAt: row.updatedAt,
    });
  }
}

/** The entry was already submitted; drafts can no longer change it. */
export class AlreadySubmitted extends AppError {
  constructor(readonly submissionId: string) {
    super("conflict", "This entry has already been submitted.");
  }
}

export const ENTRY_CLOSED = "This item can no longer be changed. It may have ended, or its day has passed.";

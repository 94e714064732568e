import { AppError } from "@/lib/errors";
import type { Answers } from "@/lib/exercises";

/** Another tab or device saved this entry after the caller last loaded it. */
export class DraftConflict extends AppError {
  constructor(
    readonly current: { answers: Answers; privateKeys: string[]; version: number; updatedAt: Date },
  ) {
    super("conflict", "This entry was changed in another tab or on another device.");
  }
}

/** The entry was already submitted; drafts can no longer change it. */
export class AlreadySubmitted extends AppError {
  constructor(readonly submissionId: string) {
    super("conflict", "This entry has already been submitted.");
  }
}

export const ENTRY_CLOSED = "This item can no longer be changed. It may have ended, or its day has passed.";

import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { invalid, type AppError } from "@/lib/errors";
import type { TwoFactorCaller } from "./caller";
import { admitCodeAttempt } from "./throttle";

export const TOO_MANY_TRIES = "Too many tries. For your safety, please wait 15 minutes and try again.";

/** Counts a try at a code (or password) on the account page; refuses once the limit is reached. */
export async function admitAccountCodeAttempt(caller: TwoFactorCaller, step: string): Promise<void> {
  if (await admitCodeAttempt(caller.userId, caller.address)) return;
  await recordCodeFailure(caller, step, "denied");
  throw invalid(TOO_MANY_TRIES);
}

/** Audits a wrong code and returns the error to show. */
export async function wrongCode(
  caller: TwoFactorCaller,
  step: string,
  message: string,
  fieldErrors: Record<string, string[]> = {},
): Promise<AppError> {
  await recordCodeFailure(caller, step, "failure");
  return invalid(message, fieldErrors);
}

function recordCodeFailure(caller: TwoFactorCaller, step: string, outcome: "failure" | "denied") {
  return recordEvent(undefined, {
    practiceId: caller.practiceId,
    actorId: caller.userId,
    action: "two_factor.failed",
    subjectType: "user",
    subjectId: caller.userId,
    outcome,
    address: caller.address,
    metadata: { step },
  });
}

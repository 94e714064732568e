"use server";

import { therapistAction } from "@/lib/actions/define-action";
import { failureFrom, formValues, type ActionResult, type FormState } from "@/lib/actions/result";
import { acknowledgeSafetyFlag } from "@/lib/safety/acknowledge-flag";
import { acknowledgeFlagSchema, feedbackSchema, reviewedSchema } from "@/lib/validations/review";
import { bulkReviewedSchema } from "./bulk-schema";
import { giveFeedback, setReviewed } from "./give-feedback";
import { markReviewedMany } from "./mark-reviewed-many";

export async function giveFeedbackAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return feedback(formData);
}

const feedback = therapistAction(
  feedbackSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    await giveFeedback(scope, data);
    return { ok: true, message: "Feedback sent. The client will see it with their entry." };
  },
  { echo: true, input: formValues, revalidate: [["/review", "layout"]] },
);

/** A plain form action (no state): a refused or unknown submission changes nothing and says nothing. */
export async function setReviewedAction(formData: FormData): Promise<void> {
  await markReviewed(formData);
}

const markReviewed = therapistAction(
  reviewedSchema,
  async ({ scope }, data) => {
    try {
      await setReviewed(scope, data);
    } catch (error) {
      failureFrom(error);
    }
  },
  { invalid: () => undefined, revalidate: [["/review", "layout"]] },
);

export async function markReviewedManyAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return markMany(formData);
}

// Scoped in the data layer: ids outside the caller's caseload match nothing.
const markMany = therapistAction(
  bulkReviewedSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    const count = await markReviewedMany(scope, data.submissionIds);
    if (count === 0) return { ok: false, message: "Nothing to mark: those entries are already reviewed or are not in your inbox.", fieldErrors: {} };
    return { ok: true, message: count === 1 ? "1 entry marked reviewed." : `${count} entries marked reviewed.` };
  },
  {
    input: (formData) => ({ submissionIds: formData.getAll("submissionIds").map(String) }),
    invalid: (error) => ({ ok: false, message: error.issues[0]?.message ?? "Choose at least one entry.", fieldErrors: {} }),
    revalidate: [["/review", "layout"]],
  },
);

export async function acknowledgeFlagAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return acknowledgeFlag(formData);
}

const acknowledgeFlag = therapistAction(
  acknowledgeFlagSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    await acknowledgeSafetyFlag(scope, data);
    return { ok: true, message: "Acknowledged. The flag is closed and your note is kept with it." };
  },
  { echo: true, input: formValues, revalidate: [["/", "layout"]] },
);

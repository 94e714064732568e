"use server";

import { therapistAction } from "@/lib/actions/define-action";
import { failureFrom, formValues, type ActionResult, type FormState } from "@/lib/actions/result";
import { acknowledgeSafetyFlag } from "@/lib/safety/acknowledge-flag";
import { acknowledgeFlagSchema, feedbackSchema, reviewedSchema } from "@/lib/validations/review";
import { giveFeedback, setReviewed } from "./give-feedback";

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

"use server";

import { revalidatePath } from "next/cache";
import { requireTherapist } from "@/lib/auth/session";
import { therapistScope } from "@/lib/clients/scope";
import { failureFrom, formValues, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { giveFeedback, setReviewed } from "@/lib/review/give-feedback";
import { acknowledgeSafetyFlag } from "@/lib/safety/acknowledge-flag";
import { acknowledgeFlagSchema, feedbackSchema, reviewedSchema } from "@/lib/validations/review";

export async function giveFeedbackAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  const values = formValues(formData);
  const parsed = feedbackSchema.safeParse(values);
  if (!parsed.success) return validationFailure(parsed.error, values);
  try {
    await giveFeedback(scope, parsed.data);
  } catch (error) {
    return failureFrom(error, values);
  }
  revalidatePath("/review", "layout");
  return { ok: true, message: "Feedback sent. The client will see it with their entry." };
}

export async function setReviewedAction(formData: FormData) {
  const scope = therapistScope(await requireTherapist());
  const parsed = reviewedSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  try {
    await setReviewed(scope, parsed.data);
  } catch (error) {
    failureFrom(error);
  }
  revalidatePath("/review", "layout");
}

export async function acknowledgeFlagAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  const values = formValues(formData);
  const parsed = acknowledgeFlagSchema.safeParse(values);
  if (!parsed.success) return validationFailure(parsed.error, values);
  try {
    await acknowledgeSafetyFlag(scope, parsed.data);
  } catch (error) {
    return failureFrom(error, values);
  }
  revalidatePath("/", "layout");
  return { ok: true, message: "Acknowledged. The flag is closed and your note is kept with it." };
}

"use server";

import { revalidatePath } from "next/cache";
import { requireTherapist } from "@/lib/auth/session";
import { acknowledgeCaseloadFlag } from "@/lib/caseload/acknowledge-flag";
import { therapistScope } from "@/lib/clients/scope";
import { failureFrom, formValues, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { acknowledgeCaseloadFlagSchema } from "@/lib/validations/caseload";

export async function acknowledgeCaseloadFlagAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  const values = formValues(formData);
  const parsed = acknowledgeCaseloadFlagSchema.safeParse(values);
  if (!parsed.success) return validationFailure(parsed.error, values);
  try {
    await acknowledgeCaseloadFlag(scope, parsed.data);
  } catch (error) {
    return failureFrom(error, values);
  }
  // A safety flag also shows on the review inbox and the client's page.
  if (parsed.data.kind === "SAFETY") revalidatePath("/", "layout");
  else revalidatePath("/dashboard");
  return { ok: true, message: "Acknowledged. Your note is saved with it." };
}

"use server";

import { revalidatePath } from "next/cache";
import { therapistAction } from "@/lib/actions/define-action";
import { formValues, type ActionResult, type FormState } from "@/lib/actions/result";
import { acknowledgeCaseloadFlagSchema } from "@/lib/validations/caseload";
import { acknowledgeCaseloadFlag } from "./acknowledge-flag";

export async function acknowledgeCaseloadFlagAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return acknowledge(formData);
}

const acknowledge = therapistAction(
  acknowledgeCaseloadFlagSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    await acknowledgeCaseloadFlag(scope, data);
    // A safety flag also shows on the review inbox and the client's page.
    if (data.kind === "SAFETY") revalidatePath("/", "layout");
    else revalidatePath("/dashboard");
    return { ok: true, message: "Acknowledged. Your note is saved with it." };
  },
  { echo: true, input: formValues },
);

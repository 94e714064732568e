"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { failureFrom, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { requireTherapist } from "@/lib/auth/session";
import { clientAddressFrom } from "@/lib/http/client-address";
import { requireTwoFactorCaller } from "./caller";
import { confirmTwoFactorEnrolment } from "./confirm-enrolment";
import { disableTwoFactor } from "./disable-two-factor";
import { TWO_FACTOR_ENROLMENT_PATH } from "./enforcement";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes";
import {
  confirmEnrolmentSchema,
  disableTwoFactorSchema,
  practiceRequirementSchema,
  regenerateRecoveryCodesSchema,
} from "./schemas";
import { setPracticeTwoFactorRequirement } from "./set-practice-requirement";
import { startTwoFactorEnrolment } from "./start-enrolment";

export type RecoveryCodesState = FormState<{ recoveryCodes: string[] }>;

// Enrolment and the account cards check the session with
// requireTwoFactorCaller, not requireTherapist: a therapist whose practice
// requires two-step sign-in must be able to set it up first.

function revalidateAccountPages() {
  revalidatePath("/account");
  revalidatePath("/portal/account");
  revalidatePath(TWO_FACTOR_ENROLMENT_PATH);
}

export async function startEnrolmentAction(): Promise<ActionResult> {
  const { caller } = await requireTwoFactorCaller();
  try {
    await startTwoFactorEnrolment(caller);
  } catch (error) {
    return failureFrom(error);
  }
  revalidateAccountPages();
  return { ok: true };
}

// No revalidation on success: the page would re-render without the form
// that is showing the recovery codes. The person continues when they have
// saved them (router.refresh in the form).
export async function confirmEnrolmentAction(_previous: RecoveryCodesState, formData: FormData): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const { caller } = await requireTwoFactorCaller();
  const parsed = confirmEnrolmentSchema.safeParse({ code: formData.get("code") });
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    return { ok: true, ...(await confirmTwoFactorEnrolment(caller, parsed.data.code)) };
  } catch (error) {
    return failureFrom(error);
  }
}

export async function regenerateRecoveryCodesAction(
  _previous: RecoveryCodesState,
  formData: FormData,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const { caller } = await requireTwoFactorCaller();
  const parsed = regenerateRecoveryCodesSchema.safeParse({ code: formData.get("code") });
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    return { ok: true, ...(await regenerateRecoveryCodes(caller, parsed.data.code)) };
  } catch (error) {
    return failureFrom(error);
  }
}

export async function disableTwoFactorAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const { caller } = await requireTwoFactorCaller();
  const parsed = disableTwoFactorSchema.safeParse({ password: formData.get("password"), code: formData.get("code") });
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    await disableTwoFactor(caller, parsed.data);
  } catch (error) {
    return failureFrom(error);
  }
  revalidateAccountPages();
  return { ok: true, message: "Two-step sign-in is off. You'll sign in with your password only." };
}

export async function setPracticeRequirementAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const therapist = await requireTherapist();
  const parsed = practiceRequirementSchema.safeParse({ requireTwoFactor: formData.get("requireTwoFactor") ?? "off" });
  if (!parsed.success) return validationFailure(parsed.error);
  const required = parsed.data.requireTwoFactor === "on";
  try {
    await setPracticeTwoFactorRequirement(
      { therapistId: therapist.userId, practiceId: therapist.practiceId, address: clientAddressFrom(await headers()) },
      required,
    );
  } catch (error) {
    return failureFrom(error);
  }
  revalidatePath("/account");
  return {
    ok: true,
    message: required
      ? "Saved. Therapists of your practice now need two-step sign-in."
      : "Saved. Two-step sign-in is now optional for therapists of your practice.",
  };
}

"use server";

import { headers } from "next/headers";
import { signedInAction, signedInCommand, staffAction, type Revalidate } from "@/lib/actions/define-action";
import type { ActionResult, FormState } from "@/lib/actions/result";
import type { Identity } from "@/lib/auth/session";
import { clientAddressFrom } from "@/lib/http/client-address";
import type { TwoFactorCaller } from "./caller";
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

// Enrolment and the account cards go through signedInAction, not
// therapistAction: a therapist whose practice requires two-step sign-in must
// be able to set it up first (requireTherapist would send them back here).

const ACCOUNT_PAGES: Revalidate[] = ["/account", "/portal/account", TWO_FACTOR_ENROLMENT_PATH];

async function callerOf(identity: Identity): Promise<TwoFactorCaller> {
  return { userId: identity.userId, practiceId: identity.practiceId, sessionId: identity.sessionId, address: clientAddressFrom(await headers()) };
}

export async function startEnrolmentAction(): Promise<ActionResult> {
  return startEnrolment();
}

const startEnrolment = signedInCommand(async ({ identity }): Promise<ActionResult> => {
  await startTwoFactorEnrolment(await callerOf(identity));
  return { ok: true };
}, ACCOUNT_PAGES);

// No revalidation on success: the page would re-render without the form
// that is showing the recovery codes. The person continues when they have
// saved them (router.refresh in the form).
export async function confirmEnrolmentAction(_previous: RecoveryCodesState, formData: FormData): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return confirmEnrolment(formData);
}

const confirmEnrolment = signedInAction(
  confirmEnrolmentSchema,
  async ({ identity }, data): Promise<ActionResult<{ recoveryCodes: string[] }>> => ({
    ok: true,
    ...(await confirmTwoFactorEnrolment(await callerOf(identity), data.code)),
  }),
  { input: (formData) => ({ code: formData.get("code") }) },
);

export async function regenerateRecoveryCodesAction(
  _previous: RecoveryCodesState,
  formData: FormData,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return regenerateCodes(formData);
}

const regenerateCodes = signedInAction(
  regenerateRecoveryCodesSchema,
  async ({ identity }, data): Promise<ActionResult<{ recoveryCodes: string[] }>> => ({
    ok: true,
    ...(await regenerateRecoveryCodes(await callerOf(identity), data.code)),
  }),
  { input: (formData) => ({ code: formData.get("code") }) },
);

export async function disableTwoFactorAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return disable(formData);
}

const disable = signedInAction(
  disableTwoFactorSchema,
  async ({ identity }, data): Promise<ActionResult> => {
    await disableTwoFactor(await callerOf(identity), data);
    return { ok: true, message: "Two-step sign-in is off. You'll sign in with your password only." };
  },
  { input: (formData) => ({ password: formData.get("password"), code: formData.get("code") }), revalidate: ACCOUNT_PAGES },
);

export async function setPracticeRequirementAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return setPracticeRequirement(formData);
}

const setPracticeRequirement = staffAction(
  ["OWNER"],
  practiceRequirementSchema,
  async ({ identity }, data): Promise<ActionResult> => {
    const required = data.requireTwoFactor === "on";
    await setPracticeTwoFactorRequirement(
      { therapistId: identity.userId, practiceId: identity.practiceId, address: clientAddressFrom(await headers()) },
      required,
    );
    return {
      ok: true,
      message: required
        ? "Saved. Members of your practice now need two-step sign-in."
        : "Saved. Two-step sign-in is now optional for members of your practice.",
    };
  },
  // One action for the account page's policy card and the practice settings page.
  { input: (formData) => ({ requireTwoFactor: formData.get("requireTwoFactor") ?? "off" }), revalidate: ["/account", "/practice/settings"] },
);

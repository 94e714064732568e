"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { publicValueAction } from "@/lib/actions/define-action";
import { signIn } from "@/lib/auth/auth";
import { signInSchema } from "@/lib/validations/auth";
import { readSessionClaims } from "./session-token";

export type ReauthenticateResult =
  | { ok: true }
  | {
      ok: false;
      reason: "invalid" | "second_factor_required" | "rate_limited";
      message: string;
      fieldErrors: Record<string, string[] | undefined>;
    };

const reauthenticateSchema = signInSchema.extend({
  code: z
    .string()
    .trim()
    .max(64, "That code is too long.")
    .regex(/^[A-Za-z0-9 -]*$/, "Enter the code from your app, or a recovery code.")
    .optional()
    .transform((value) => value?.replaceAll(" ", "") || undefined),
});

const GENERIC = "That password doesn’t match. Check it and try again.";
const GENERIC_WITH_CODE = "That password or code doesn’t match. Check them and try again.";
const RATE_LIMITED = "Too many attempts. For your safety, please wait 15 minutes and try again.";
const SECOND_FACTOR = "Enter the 6-digit code from your authenticator app (or a recovery code).";

/**
 * Signs the same person back in after their session ended while they were
 * typing, without leaving the page, so what they wrote can then be saved.
 * When this browser still holds the old cookie, the e-mail must be the one it
 * was issued to: nobody else can take over the page.
 */
export async function reauthenticateAction(input: { email: unknown; password: unknown; code?: unknown }): Promise<ReauthenticateResult> {
  return reauthenticate(input);
}

const reauthenticate = publicValueAction(
  reauthenticateSchema,
  async (_caller, { email, password, code }): Promise<ReauthenticateResult> => {
    const previous = await readSessionClaims();
    if (previous?.email && previous.email.toLowerCase() !== email) {
      return { ok: false, reason: "invalid", message: GENERIC, fieldErrors: {} };
    }

    try {
      await signIn("credentials", { email, password, ...(code ? { code } : {}), redirect: false });
    } catch (error) {
      if (error instanceof AuthError) {
        const errorCode = error.type === "CredentialsSignin" ? (error as { code?: string }).code : undefined;
        if (errorCode === "rate_limited") return { ok: false, reason: "rate_limited", message: RATE_LIMITED, fieldErrors: {} };
        if (errorCode === "second_factor_required") {
          return { ok: false, reason: "second_factor_required", message: SECOND_FACTOR, fieldErrors: code ? { code: [SECOND_FACTOR] } : {} };
        }
        return { ok: false, reason: "invalid", message: code ? GENERIC_WITH_CODE : GENERIC, fieldErrors: {} };
      }
      throw error;
    }
    return { ok: true };
  },
  (error): ReauthenticateResult => {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, reason: "invalid", message: "Please check the highlighted fields.", fieldErrors };
  },
);

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { TwoFactorCard } from "@/components/auth/two-factor-settings";
import { buttonClasses } from "@/components/ui/button";
import { requireTwoFactorCaller } from "@/lib/two-factor/caller";
import { getTwoFactorStatus } from "@/lib/two-factor/get-two-factor-status";

export const metadata: Metadata = { title: "Set up two-step sign-in" };

// Where requireTherapist() sends a therapist whose practice requires
// two-step sign-in before they have set it up. Outside the therapist layout
// on purpose: that layout calls requireTherapist(), which would send them here
// again.
export default async function TwoFactorEnrolmentPage() {
  const { identity } = await requireTwoFactorCaller();
  if (identity.role !== "THERAPIST") redirect("/portal/account");
  const status = await getTwoFactorStatus({ userId: identity.userId });

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Set up two-step sign-in</h1>
        <p className="mt-1 text-sm text-stone-600">
          {status.required
            ? "Your practice asks every therapist to sign in with a password and a code from their phone. It takes about a minute."
            : "Sign in with your password and a code from your phone."}
        </p>
      </div>
      {status.enabled ? (
        <div className="space-y-3">
          <p className="text-sm text-stone-700">Two-step sign-in is on for your account.</p>
          <Link href="/dashboard" className={buttonClasses("primary", "w-full")}>
            Go to your caseload
          </Link>
        </div>
      ) : (
        <TwoFactorCard status={status} timeZone={identity.timeZone} doneHref="/dashboard" />
      )}
      <div className="flex justify-center">
        <SignOutButton />
      </div>
    </div>
  );
}

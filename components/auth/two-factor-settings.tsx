import { Card } from "@/components/ui/card";
import type { Identity } from "@/lib/auth/session";
import { getTwoFactorStatus, type TwoFactorStatus } from "@/lib/two-factor/get-two-factor-status";
import { TwoFactorEnrolment, TwoFactorStartButton } from "./two-factor-enrolment";
import { TwoFactorDisableForm, TwoFactorRegenerateForm } from "./two-factor-manage";
import { TwoFactorPracticeSetting } from "./two-factor-practice-setting";
import { TwoFactorQrCode } from "./two-factor-qr-code";

/** The account page's two-step sign-in cards: the person's own, and for therapists the practice policy. */
export async function TwoFactorSettings({ identity }: { identity: Identity }) {
  const status = await getTwoFactorStatus({ userId: identity.userId });
  return (
    <>
      <TwoFactorCard status={status} timeZone={identity.timeZone} />
      {identity.role === "THERAPIST" ? (
        <Card>
          <h2 className="mb-1 text-lg font-semibold">Practice sign-in policy</h2>
          <p className="mb-4 text-sm text-stone-600">
            {status.required
              ? "Two-step sign-in is required for therapists of your practice."
              : "Two-step sign-in is optional for therapists of your practice."}
          </p>
          {identity.practiceRole === "OWNER" ? (
            <TwoFactorPracticeSetting required={status.required} />
          ) : (
            <p className="text-sm text-stone-600">The practice’s owner sets this policy.</p>
          )}
        </Card>
      ) : null}
    </>
  );
}

export function TwoFactorCard({
  status,
  timeZone,
  doneHref,
}: {
  status: TwoFactorStatus;
  timeZone: string;
  doneHref?: string;
}) {
  const enabledOn = status.enabledAt
    ? new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(status.enabledAt)
    : "recently";
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">Two-step sign-in</h2>
      {status.enabled ? (
        <div className="space-y-6">
          <p className="text-sm text-stone-600">
            On since {enabledOn}. You sign in with your password
            and a code from your authenticator app. {status.recoveryCodesLeft} of 10 recovery codes left.
          </p>
          <div>
            <h3 className="mb-2 font-semibold">New recovery codes</h3>
            <p className="mb-3 text-sm text-stone-600">Your old recovery codes stop working when you make new ones.</p>
            <TwoFactorRegenerateForm />
          </div>
          {status.required ? (
            <p className="text-sm text-stone-600">Your practice requires two-step sign-in, so it can’t be turned off.</p>
          ) : (
            <div>
              <h3 className="mb-2 font-semibold">Turn off</h3>
              <p className="mb-3 text-sm text-stone-600">
                You’ll need your password and a code. Other devices will be signed out.
              </p>
              <TwoFactorDisableForm />
            </div>
          )}
        </div>
      ) : status.pending ? (
        <TwoFactorEnrolment
          qrCode={<TwoFactorQrCode uri={status.pending.uri} />}
          secret={status.pending.secret}
          doneHref={doneHref}
        />
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-stone-600">
            Keep your account safe even if someone learns your password: after your password, you’ll enter a code from an
            app on your phone.
          </p>
          <TwoFactorStartButton />
        </div>
      )}
    </Card>
  );
}

import { ChangePasswordForm } from "./change-password-form";
import { SessionsCard } from "./sessions-card";
import { TwoFactorSettings } from "./two-factor-settings";
import { Card } from "@/components/ui/card";
import type { Identity } from "@/lib/auth/session";

export function AccountPage({ identity, changed }: { identity: Identity; changed: boolean }) {
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <p className="mt-1 text-stone-600">
          {identity.name} · {identity.email} · {identity.timeZone.replaceAll("_", " ")}
        </p>
      </div>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Change password</h2>
        <p className="mb-4 text-sm text-stone-600">Changing it signs you out on every other device.</p>
        <ChangePasswordForm changed={changed} />
      </Card>
      <TwoFactorSettings identity={identity} />
      <SessionsCard identity={identity} />
    </div>
  );
}

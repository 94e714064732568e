import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { readableTotpSecret, totpUri } from "./totp";

export type TwoFactorStatus = {
  enabled: boolean;
  enabledAt: Date | null;
  /** While setting up: the new secret, shown only to its owner until confirmed. */
  pending: { secret: string; uri: string } | null;
  recoveryCodesLeft: number;
  /** The person is a therapist of a practice that requires two-step sign-in. */
  required: boolean;
};

export async function getTwoFactorStatus({ userId }: { userId: string }): Promise<TwoFactorStatus> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      role: true,
      totpSecret: true,
      totpPendingSecret: true,
      totpEnabledAt: true,
      practice: { select: { requireTwoFactor: true } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  if (!user) throw notFound();
  const enabled = user.totpSecret !== null;
  return {
    enabled,
    enabledAt: user.totpEnabledAt,
    pending:
      !enabled && user.totpPendingSecret
        ? { secret: readableTotpSecret(user.totpPendingSecret), uri: totpUri(user.totpPendingSecret, user.email) }
        : null,
    recoveryCodesLeft: enabled ? user._count.recoveryCodes : 0,
    required: user.role === "THERAPIST" && user.practice.requireTwoFactor,
  };
}

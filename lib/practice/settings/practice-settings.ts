import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { lockOwner, type OwnerScope } from "@/lib/practice/members/owner";
import type { PracticeSettingsInput } from "./schemas";

export type PracticeSettings = PracticeSettingsInput & { requireTwoFactor: boolean; ownerHasTwoFactor: boolean };

/** The practice's settings, for its owner only (the check is part of the query). */
export async function getPracticeSettings(scope: OwnerScope): Promise<PracticeSettings> {
  const practice = await db.practice.findFirst({
    where: { id: scope.practiceId, users: { some: { id: scope.ownerId, practiceRole: "OWNER", deactivatedAt: null } } },
    select: {
      name: true,
      defaultReminderTime: true,
      escalateAfterHours: true,
      requireTwoFactor: true,
      users: { where: { id: scope.ownerId }, select: { totpSecret: true } },
    },
  });
  if (!practice) throw notFound();
  return {
    name: practice.name,
    defaultReminderTime: practice.defaultReminderTime,
    escalateAfterHours: practice.escalateAfterHours,
    requireTwoFactor: practice.requireTwoFactor,
    ownerHasTwoFactor: practice.users[0]?.totpSecret != null,
  };
}

export async function updatePracticeSettings(scope: OwnerScope, input: PracticeSettingsInput, address: string | null = null) {
  await db.$transaction(async (tx) => {
    await lockOwner(tx, scope);
    await tx.practice.update({
      where: { id: scope.practiceId },
      data: { name: input.name, defaultReminderTime: input.defaultReminderTime, escalateAfterHours: input.escalateAfterHours },
    });
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.ownerId,
      action: "practice.settings_changed",
      subjectType: "Practice",
      subjectId: scope.practiceId,
      address,
    });
  });
}

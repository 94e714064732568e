import { z } from "zod";
import { whenTexts } from "@/lib/validations/auth";
import { emailField, newPasswordField, personNameField, timeZoneField } from "@/lib/validations/fields";
import { idField, idFieldWith, secretField } from "@/lib/validations/text";

export const INVITABLE_ROLES = ["CLINICIAN", "SUPERVISOR"] as const;

export const inviteMemberSchema = z.object({
  name: personNameField,
  email: emailField,
  practiceRole: z.enum(INVITABLE_ROLES, { error: "Choose clinician or supervisor." }),
});
export type InviteMemberInput = z.output<typeof inviteMemberSchema>;

export const invitationIdSchema = z.object({ invitationId: idField });

export const memberIdSchema = z.object({ memberId: idField });

/** A supervisor and every clinician they supervise (checkboxes named clinicianId). */
export const supervisionSchema = z.object({
  supervisorId: idField,
  clinicianIds: z.array(idFieldWith("Choose clinicians from the list.")).max(500),
});

export const joinPracticeSchema = z
  .object({
    token: secretField({ max: 200 }).min(1),
    name: personNameField,
    timeZone: timeZoneField,
    password: newPasswordField,
    confirmPassword: secretField({ max: 200, typeMessage: "Type the password again." }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
    when: whenTexts("password", "confirmPassword"),
  });
export type JoinPracticeInput = z.output<typeof joinPracticeSchema>;

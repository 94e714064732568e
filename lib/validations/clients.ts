import { z } from "zod";
import { emailField, personNameField, timeZoneField } from "./fields";

export const addClientSchema = z.object({
  displayName: personNameField,
  email: emailField,
  timeZone: timeZoneField,
});

export const clientIdSchema = z.object({
  clientId: z.string().min(1).max(64),
});

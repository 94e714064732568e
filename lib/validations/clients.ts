import { z } from "zod";
import { emailField, personNameField, timeZoneField } from "./fields";
import { idField } from "./text";

export const addClientSchema = z.object({
  displayName: personNameField,
  email: emailField,
  timeZone: timeZoneField,
});

export const clientIdSchema = z.object({
  clientId: idField,
});

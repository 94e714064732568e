"use server";

import { therapistAction } from "@/lib/actions/define-action";
import { formValues, type ActionResult, type FormState } from "@/lib/actions/result";
import { addSessions } from "./add-sessions";
import { cancelSession } from "./cancel-session";
import { addSessionSchema, cancelSessionSchema, sessionNoteSchema } from "./schemas";
import { saveSessionNote } from "./session-note";

// Only the client's primary clinician: therapistAction refuses supervisors,
// and the data functions use the caller's own scope, so an owner (or anyone)
// writing to another clinician's client gets "not found".

export type AddSessionResult = ActionResult<{ count: number }>;

export async function addSessionAction(_previous: FormState, formData: FormData): Promise<AddSessionResult> {
  return add(formData);
}

const add = therapistAction(
  addSessionSchema,
  async ({ scope }, data): Promise<AddSessionResult> => {
    const { count } = await addSessions(scope, data);
    return { ok: true, count, message: count === 1 ? "Session added." : `${count} sessions added.` };
  },
  { echo: true, input: formValues, revalidate: [["/clients", "layout"], "/dashboard"] },
);

export async function cancelSessionAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return cancel(formData);
}

const cancel = therapistAction(
  cancelSessionSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    const { cancelled } = await cancelSession(scope, data);
    return { ok: true, message: cancelled === 1 ? "Session cancelled." : `${cancelled} sessions cancelled.` };
  },
  { input: formValues, revalidate: [["/clients", "layout"], "/dashboard"] },
);

export async function saveSessionNoteAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return saveNote(formData);
}

const saveNote = therapistAction(
  sessionNoteSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    await saveSessionNote(scope, data);
    return { ok: true, message: "Note saved." };
  },
  { echo: true, input: formValues, revalidate: [["/clients", "layout"]] },
);

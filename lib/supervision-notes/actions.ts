"use server";

import { staffAction } from "@/lib/actions/define-action";
import { formValues, type ActionResult, type FormState } from "@/lib/actions/result";
import { supervisionNoteSchema } from "./schema";
import { writeSupervisionNote } from "./write-note";

export async function writeSupervisionNoteAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return writeNote(formData);
}

// The role opens the door; writeSupervisionNote checks the Supervision row.
const writeNote = staffAction(
  ["SUPERVISOR"],
  supervisionNoteSchema,
  async ({ identity }, data): Promise<ActionResult> => {
    await writeSupervisionNote(identity, data);
    return { ok: true, message: "Note saved. The client’s clinician can read it here." };
  },
  { echo: true, input: formValues, revalidate: [["/clients", "layout"]] },
);

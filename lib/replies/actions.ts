"use server";

import { clientAction } from "@/lib/actions/define-action";
import { formValues, type ActionResult, type FormState } from "@/lib/actions/result";
import { clientScope } from "@/lib/homework/client-scope";
import { replySchema } from "./schema";
import { writeReply } from "./write-reply";

export async function replyToFeedbackAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return reply(formData);
}

const reply = clientAction(
  replySchema,
  async ({ identity }, data): Promise<ActionResult> => {
    await writeReply(clientScope(identity), data);
    return { ok: true, message: "Sent. It will be waiting with your entry." };
  },
  { echo: true, input: formValues, revalidate: [["/portal", "layout"], ["/review", "layout"]] },
);

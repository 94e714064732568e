"use server";

import { clientAction } from "@/lib/actions/define-action";
import type { ActionResult, FormState } from "@/lib/actions/result";
import { clientScope } from "@/lib/homework/client-scope";
import { entrySharingSchema } from "./schema";
import { setEntrySharing } from "./share-entry";

export type EntrySharingResult = ActionResult<{ shared: boolean }>;

export async function setEntrySharingAction(_previous: FormState<{ shared: boolean }>, formData: FormData): Promise<EntrySharingResult> {
  return setSharing(formData);
}

const setSharing = clientAction(
  entrySharingSchema,
  async ({ identity }, data): Promise<EntrySharingResult> => {
    const { shared } = await setEntrySharing(clientScope(identity), data);
    return { ok: true, shared, message: shared ? "Shared. Your partner can read this entry now." : "No longer shared." };
  },
  { revalidate: [["/portal", "layout"]] },
);

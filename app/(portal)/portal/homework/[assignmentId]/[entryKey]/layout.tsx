import { requireClient } from "@/lib/auth/session";
import { clientScope } from "@/lib/homework/client-scope";
import { getEntryForClient } from "@/lib/homework/get-entry";
import { orNotFound, requireIdParams } from "@/lib/not-found-page";

// Loaded here, outside the page's loading boundary, so a missing, closed or
// someone else's entry answers a real 404 rather than a streamed 200. The
// page's own load is the same cached promise: no second query.
export default async function HomeworkEntrySegment({ children, params }: LayoutProps<"/portal/homework/[assignmentId]/[entryKey]">) {
  const { assignmentId, entryKey } = await requireIdParams(params, "assignmentId", "entryKey");
  await orNotFound(getEntryForClient(clientScope(await requireClient()), assignmentId, entryKey));
  return children;
}

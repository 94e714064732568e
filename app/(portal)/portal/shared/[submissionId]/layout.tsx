import { notFound } from "next/navigation";
import { requireClient } from "@/lib/auth/session";
import { isEntrySharedWithMe } from "@/lib/couples/shared-entries";
import { requireIdParams } from "@/lib/not-found-page";

// Checked outside the page's loading boundary, so an entry that is not
// shared (or no longer) answers a real 404 rather than a streamed 200.
export default async function SharedEntrySegment({ children, params }: LayoutProps<"/portal/shared/[submissionId]">) {
  const { submissionId } = await requireIdParams(params, "submissionId");
  const client = await requireClient();
  if (!(await isEntrySharedWithMe(client.clientId, client.practiceId, submissionId))) notFound();
  return children;
}

import { notFound } from "next/navigation";
import { requireClient } from "@/lib/auth/session";
import { hasOwnSubmission } from "@/lib/homework/get-own-submission";
import { requireIdParams } from "@/lib/not-found-page";

// Checked here, outside the page's loading boundary, so a missing or someone
// else's entry answers a real 404 rather than a streamed 200.
export default async function OwnEntrySegment({ children, params }: LayoutProps<"/portal/entries/[submissionId]">) {
  const { submissionId } = await requireIdParams(params, "submissionId");
  const client = await requireClient();
  if (!(await hasOwnSubmission(client.clientId, client.practiceId, submissionId))) notFound();
  return children;
}

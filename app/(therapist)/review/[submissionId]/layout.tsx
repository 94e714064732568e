import { orDenied } from "@/lib/audit/record-view";
import { requireTherapist } from "@/lib/auth/session";
import { submissionReadScope } from "@/lib/practice/access";
import { requireIdParams } from "@/lib/not-found-page";
import { getSubmissionForReview } from "@/lib/review/get-submission-for-review";

// Looked up before the segment streams, so a missing or someone else's entry
// answers a real 404 (and is audited); the page reuses the cached lookup.
export default async function ReviewEntrySegment({ children, params }: LayoutProps<"/review/[submissionId]">) {
  const { submissionId } = await requireIdParams(params, "submissionId");
  const therapist = await requireTherapist();
  await orDenied(therapist, { action: "entry.viewed", subjectType: "Submission", subjectId: submissionId }, async () =>
    getSubmissionForReview(await submissionReadScope(therapist, submissionId), submissionId),
  );
  return children;
}

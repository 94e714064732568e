import { requireIdParams } from "@/lib/not-found-page";

export default async function ReviewEntrySegment({ children, params }: LayoutProps<"/review/[submissionId]">) {
  await requireIdParams(params, "submissionId");
  return children;
}

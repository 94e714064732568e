import { requireIdParams } from "@/lib/not-found-page";

export default async function OwnEntrySegment({ children, params }: LayoutProps<"/portal/entries/[submissionId]">) {
  await requireIdParams(params, "submissionId");
  return children;
}

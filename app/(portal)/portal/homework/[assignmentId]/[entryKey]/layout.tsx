import { requireIdParams } from "@/lib/not-found-page";

export default async function HomeworkEntrySegment({ children, params }: LayoutProps<"/portal/homework/[assignmentId]/[entryKey]">) {
  await requireIdParams(params, "assignmentId", "entryKey");
  return children;
}

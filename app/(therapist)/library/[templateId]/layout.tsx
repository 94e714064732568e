import { requireIdParams } from "@/lib/not-found-page";

export default async function TemplateSegment({ children, params }: LayoutProps<"/library/[templateId]">) {
  await requireIdParams(params, "templateId");
  return children;
}

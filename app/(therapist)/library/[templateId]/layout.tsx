import { requireTherapist } from "@/lib/auth/session";
import { orNotFound, requireIdParams } from "@/lib/not-found-page";
import { getTemplate } from "@/lib/templates/get-template";

// Looked up before the segment streams, so an exercise the practice cannot
// see answers a real 404; the pages reuse the cached lookup.
export default async function TemplateSegment({ children, params }: LayoutProps<"/library/[templateId]">) {
  const { templateId } = await requireIdParams(params, "templateId");
  const therapist = await requireTherapist();
  await orNotFound(getTemplate({ practiceId: therapist.practiceId, therapistId: therapist.userId }, templateId));
  return children;
}

import { requireIdParams } from "@/lib/not-found-page";

export default async function ClientSegment({ children, params }: LayoutProps<"/clients/[clientId]">) {
  await requireIdParams(params, "clientId");
  return children;
}

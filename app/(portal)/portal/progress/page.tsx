import type { Metadata } from "next";
import { ProgressCards } from "@/components/progress/progress-cards";
import { RangeSelector } from "@/components/progress/range-selector";
import { requireClient } from "@/lib/auth/session";
import { clientScope } from "@/lib/homework/client-scope";
import { getProgressOverview } from "@/lib/progress/get-progress-overview";
import { parseRange } from "@/lib/progress/range";
import { clientViewer } from "@/lib/progress/viewer";

export const metadata: Metadata = { title: "My progress" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MyProgressPage({ searchParams }: Props) {
  const [identity, query] = await Promise.all([requireClient(), searchParams]);
  // Only ever the signed-in client's own data: the viewer carries no other id.
  const viewer = clientViewer(clientScope(identity));
  // No choice in the address: the default opens where their homework starts.
  const overview = await getProgressOverview(viewer, query.range === undefined ? null : parseRange(query.range));
  const range = overview.range;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">My progress</h1>
        <p className="mt-1 text-stone-700">
          A look at what your homework shows over time. Trust grows slowly and unevenly; a dip is part of the work, not a failure.
        </p>
      </div>
      <RangeSelector basePath="/portal/progress" current={range} />
      <ProgressCards viewer={viewer} range={range} audience="client" columns={1} overview={overview} />
      <p className="text-sm text-stone-700">Only you and your therapist can see these charts.</p>
    </div>
  );
}

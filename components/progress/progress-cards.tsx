import { Suspense } from "react";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import type { TherapistScope } from "@/lib/clients/scope";
import { AdherenceCard } from "./adherence-card";
import type { ProgressCardProps } from "./card-props";
import { CheckInCard } from "./check-in-card";
import { CoupleCard } from "./couple-card";
import { MeasureCard } from "./measure-card";
import { PromiseCard } from "./promise-card";
import { SelfCheckCard } from "./self-check-card";
import { TriggerLogCard } from "./trigger-log-card";

/**
 * Every progress card, each behind its own Suspense boundary so a slow
 * figure never holds up the others. `couple` is passed only on the
 * therapist's pages when the client has a partner.
 */
export function ProgressCards({
  couple,
  columns = 2,
  ...props
}: ProgressCardProps & { couple?: { scope: TherapistScope; clientId: string }; columns?: 1 | 2 }) {
  return (
    <div className={columns === 2 ? "grid gap-6 lg:grid-cols-2 print:block print:space-y-6" : "grid gap-6"}>
      <Suspense fallback={<ChartSkeleton />}>
        <CheckInCard {...props} />
      </Suspense>
      {couple ? (
        <Suspense fallback={<ChartSkeleton />}>
          <CoupleCard scope={couple.scope} clientId={couple.clientId} range={props.range} tableOpen={props.tableOpen} />
        </Suspense>
      ) : null}
      <Suspense fallback={<ChartSkeleton />}>
        <TriggerLogCard {...props} />
      </Suspense>
      <Suspense fallback={<ChartSkeleton />}>
        <PromiseCard {...props} />
      </Suspense>
      <Suspense fallback={<ChartSkeleton />}>
        <MeasureCard {...props} measure="phq-9" />
      </Suspense>
      <Suspense fallback={<ChartSkeleton />}>
        <MeasureCard {...props} measure="gad-7" />
      </Suspense>
      <Suspense fallback={<ChartSkeleton />}>
        <SelfCheckCard {...props} />
      </Suspense>
      <Suspense fallback={<ChartSkeleton />}>
        <AdherenceCard {...props} />
      </Suspense>
    </div>
  );
}

import { Suspense } from "react";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { getProgressOverview, type ExerciseProgress, type ProgressOverview, type SpecialCard } from "@/lib/progress/get-progress-overview";
import { AdherenceCard } from "./adherence-card";
import { periodPhrase, type ProgressCardProps } from "./card-props";
import { CheckInCard } from "./check-in-card";
import { ExerciseMetricsCard } from "./exercise-metrics-card";
import { showsItemCharts } from "./item-charts";
import { MeasureCard } from "./measure-card";
import { PromiseCard } from "./promise-card";
import { SelfCheckCard } from "./self-check-card";
import { TriggerLogCard } from "./trigger-log-card";

function SpecialCardFor({ special, ...props }: ProgressCardProps & { special: SpecialCard }) {
  switch (special) {
    case "check-in":
      return <CheckInCard {...props} />;
    case "trigger-log":
      return <TriggerLogCard {...props} />;
    case "promises":
      return <PromiseCard {...props} />;
    case "phq-9":
      return <MeasureCard {...props} measure="phq-9" />;
    case "gad-7":
      return <MeasureCard {...props} measure="gad-7" />;
    case "self-check":
      return <SelfCheckCard {...props} />;
  }
}

function Note({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg border border-stone-300 bg-white p-4 text-stone-700 print:border-0 print:p-0">{children}</p>;
}

/**
 * The cards of the exercises the client has or had, and only those: a
 * dedicated card for the built-ins that have one, a card of small charts for
 * every other numeric question (custom templates included), adherence last.
 * Exercises with nothing in the period are named once in one line, not
 * given empty cards; a period with nothing at all says so once. Each
 * data-loading card has its own Suspense boundary. `coupleCard` is passed
 * only by the therapist's page when the client has a partner (a slot, not an
 * import: its interactive chart's script would otherwise be sent to every
 * page that shows progress, the client's phone included). `overview` may be
 * passed when the page already loaded it (it chose the default range).
 */
export async function ProgressCards({
  coupleCard,
  columns = 2,
  overview: given,
  ...props
}: ProgressCardProps & { coupleCard?: React.ReactNode; columns?: 1 | 2; overview?: ProgressOverview }) {
  const overview = given ?? (await getProgressOverview(props.viewer, props.range));
  const client = props.audience === "client";

  if (overview.exercises.length === 0) {
    return (
      <Note>
        {client
          ? "Nothing here yet. When your therapist gives you homework, your progress will show up here."
          : "No exercises assigned yet. Progress charts appear here once the client has homework."}
      </Note>
    );
  }

  const withData = overview.exercises.filter((exercise) => exercise.hasData);
  const quiet = overview.exercises.filter((exercise) => exercise.charted && !exercise.hasData);
  const cards = withData.flatMap((exercise: ExerciseProgress) => {
    const list: React.ReactNode[] = [];
    if (exercise.special) {
      list.push(
        <Suspense key={`${exercise.prefix}-special`} fallback={<ChartSkeleton />}>
          <SpecialCardFor {...props} special={exercise.special} />
        </Suspense>,
      );
    }
    if (showsItemCharts(exercise.special, props.audience)) list.push(<ExerciseMetricsCard key={exercise.prefix} exercise={exercise} audience={props.audience} range={props.range} tableOpen={props.tableOpen} variant={props.variant} charts={props.charts} />);
    return list;
  });
  const longer = props.range === "all" ? "" : client ? " A longer time range may show more." : " Choose a longer range to see earlier entries.";

  return (
    <div className="space-y-6">
      {withData.length === 0 ? (
        <Note>
          {client ? `Nothing to chart ${periodPhrase(props.range)}.` : `No entries to chart ${periodPhrase(props.range)}.`}
          {longer}
        </Note>
      ) : null}
      <div className={columns === 2 ? "grid gap-6 lg:grid-cols-2 print:block print:space-y-6" : "grid gap-6"}>
        {cards}
        {coupleCard ? <Suspense fallback={<ChartSkeleton />}>{coupleCard}</Suspense> : null}
        {overview.hasScheduled ? (
          <Suspense fallback={<ChartSkeleton />}>
            <AdherenceCard {...props} />
          </Suspense>
        ) : null}
      </div>
      {withData.length > 0 && quiet.length > 0 ? (
        <p className="text-sm text-stone-700">
          {client ? "Nothing yet in this period for: " : "No entries in this period for: "}
          {quiet.map((exercise) => exercise.title).join(", ")}.
        </p>
      ) : null}
    </div>
  );
}

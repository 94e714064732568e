import type { Metadata } from "next";
import { AssignForm } from "@/components/assignments/assign-form";
import { Card } from "@/components/ui/card";
import { requireStaff, TREATING_ROLES } from "@/lib/practice/access";
import { listClients } from "@/lib/clients/list-clients";
import { therapistScope } from "@/lib/clients/scope";
import { todayIn } from "@/lib/dates/local-date";
import { getBuiltInExercise } from "@/lib/exercises";
import { listAssignableExercises } from "@/lib/assignments/list-assignable";

export const metadata: Metadata = { title: "Assign homework" };

export default async function AssignPage({ searchParams }: PageProps<"/assign">) {
  const therapist = await requireStaff(TREATING_ROLES);
  const scope = therapistScope(therapist);
  const params = await searchParams;
  const [exercises, clients] = await Promise.all([listAssignableExercises(scope), listClients(scope)]);
  const chosenClients = [params.client].flat().filter((value): value is string => typeof value === "string");

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Assign homework</h1>
      <Card>
        {clients.length === 0 ? (
          <p className="text-stone-700">Add a client first; then you can give them homework.</p>
        ) : (
          <AssignForm
            templates={exercises.map((exercise) => {
              const builtIn = exercise.builtIn ? getBuiltInExercise(exercise.slug ?? "") : undefined;
              return {
                id: exercise.id,
                label: `${exercise.title}${exercise.builtIn ? "" : " (yours)"}`,
                title: exercise.title,
                purpose: exercise.purpose,
                estimatedMinutes: exercise.estimatedMinutes,
                questions: exercise.questions,
                suggestedSchedule: builtIn?.suggestedSchedule,
                suggestedDays: builtIn?.suggestedDays,
              };
            })}
            clients={clients.map((client) => ({ id: client.id, label: client.status === "INVITED" ? `${client.displayName} (invited)` : client.displayName }))}
            defaultTemplateId={typeof params.template === "string" ? params.template : undefined}
            defaultClientIds={chosenClients}
            today={todayIn(therapist.timeZone)}
            timeZone={therapist.timeZone}
          />
        )}
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ExercisePreview } from "@/components/exercises/exercise-preview";
import { ArchiveTemplateForm } from "@/components/library/archive-template-form";
import { DuplicateTemplateButton } from "@/components/library/duplicate-template-button";
import { KindBadge } from "@/components/library/kind-badge";
import { ShareTemplateForm } from "@/components/library/share-template-form";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { requireTherapist } from "@/lib/auth/session";
import { therapistScope } from "@/lib/clients/scope";
import { orNotFound } from "@/lib/not-found-page";
import { canTreat } from "@/lib/practice/access";
import { getTemplate } from "@/lib/templates/get-template";

export const metadata: Metadata = { title: "Exercise" };

type Props = {
  params: Promise<{ templateId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function savedMessage(saved: unknown, version: number): string | undefined {
  if (saved === "created") return "Your exercise is saved and ready to assign.";
  if (saved === "updated") return "Your changes are saved.";
  if (saved === "new-version") {
    return `Saved as version ${version}. Homework already assigned keeps the version it was given; new assignments use this one.`;
  }
  return undefined;
}

export default async function TemplatePage({ params, searchParams }: Props) {
  const [{ templateId }, query, therapist] = await Promise.all([params, searchParams, requireTherapist()]);
  const scope = therapistScope(therapist);
  const template = await orNotFound(getTemplate(scope, templateId));
  const { current, archivedAt } = template;
  const editable = !template.builtIn && !archivedAt && canTreat(therapist);
  // Supervisors read the library but never assign.
  const assignable = !archivedAt && canTreat(therapist);

  return (
    <div className="space-y-6">
      <Link href="/library" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← Library
      </Link>
      <FormAlert tone="success" message={savedMessage(query.saved, current.version)} />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_28rem]">
        <div className="space-y-6">
          <div>
            <div className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
              <KindBadge kind={current.kind} />
              <span>{template.builtIn ? "Built in" : template.sharedWithPractice ? "Practice library" : "Your draft"}</span>
              {template.builtIn ? null : <span>· version {current.version}</span>}
              <span>· about {current.estimatedMinutes} min</span>
            </div>
            <h1 className="mt-2 text-2xl font-semibold tracking-tight">{current.title}</h1>
            <p className="mt-2 text-stone-700">{current.purpose}</p>
          </div>
          <Card>
            <h2 className="text-lg font-semibold">In your practice</h2>
            <p className="mt-1 text-sm text-stone-600">
              {template.assignmentCount === 0
                ? "Not assigned in your practice yet."
                : `Assigned ${template.assignmentCount} time${template.assignmentCount === 1 ? "" : "s"} in your practice.`}
              {current.allowsMultiplePerDay ? " Clients can fill it in several times a day." : null}
            </p>
            {archivedAt ? (
              <p className="mt-3 text-sm text-stone-700">
                This exercise is archived: it no longer appears in the library. Homework already assigned keeps working.
              </p>
            ) : null}
            <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
              {assignable ? (
                <Link href={`/assign?template=${template.id}`} className={buttonClasses("primary")}>
                  Assign
                </Link>
              ) : null}
              {editable ? (
                <Link href={`/library/${template.id}/edit`} className={buttonClasses(assignable ? "secondary" : "primary")}>
                  Edit
                </Link>
              ) : null}
              <DuplicateTemplateButton
                templateId={template.id}
                label={template.builtIn ? "Duplicate to customise" : "Duplicate"}
                variant={template.builtIn && !assignable ? "primary" : "secondary"}
              />
            </div>
            {editable && template.ownedByCaller ? (
              <ShareTemplateForm templateId={template.id} shared={template.sharedWithPractice} canUnshare={template.assignedByOthers === 0} />
            ) : null}
            {template.builtIn ? (
              <p className="mt-3 text-sm text-stone-600">
                Built-in exercises stay as they are. Your copy belongs to your practice and you can change anything in it.
              </p>
            ) : null}
          </Card>
          {editable ? <ArchiveTemplateForm templateId={template.id} title={current.title} /> : null}
        </div>
        <section aria-labelledby="preview-heading" className="space-y-3">
          <h2 id="preview-heading" className="text-lg font-semibold">
            What your client sees
          </h2>
          <ExercisePreview exercise={{ ...current, attribution: current.details.attribution }} therapistNotes />
        </section>
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DuplicateTemplateButton } from "@/components/library/duplicate-template-button";
import { TemplateBuilder } from "@/components/library/template-builder";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { requireStaff, TREATING_ROLES } from "@/lib/practice/access";
import { therapistScope } from "@/lib/clients/scope";
import { orNotFound } from "@/lib/not-found-page";
import { getTemplate } from "@/lib/templates/get-template";
import { isLatestVersionAssigned } from "@/lib/templates/save-template";

export const metadata: Metadata = { title: "Edit exercise" };

type Props = {
  params: Promise<{ templateId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditTemplatePage({ params, searchParams }: Props) {
  const [{ templateId }, query, therapist] = await Promise.all([params, searchParams, requireStaff(TREATING_ROLES)]);
  const scope = therapistScope(therapist);
  const template = await orNotFound(getTemplate(scope, templateId));
  const back = (
    <Link href={`/library/${template.id}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
      ← Back to the exercise
    </Link>
  );

  if (template.builtIn) {
    return (
      <div className="space-y-6">
        {back}
        <Card>
          <h1 className="text-xl font-semibold">Built-in exercises can’t be edited</h1>
          <p className="mt-2 mb-4 text-stone-600">
            Make a copy for your practice instead. You can change anything in your copy, and the original stays as it is.
          </p>
          <DuplicateTemplateButton templateId={template.id} label="Duplicate to customise" />
        </Card>
      </div>
    );
  }
  if (template.archivedAt) notFound();

  const { current } = template;
  const assigned = await isLatestVersionAssigned(scope, templateId);
  return (
    <div className="space-y-6">
      {back}
      {query.from === "duplicate" ? (
        <FormAlert tone="success" message="Here’s your copy. Change anything you like, then save it." />
      ) : null}
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Edit “{current.title}”</h1>
        <p className="mt-1 text-stone-600">
          {assigned
            ? `This version is already part of someone’s homework, so saving creates version ${current.version + 1}. Homework already assigned keeps the questions it was given.`
            : `Version ${current.version} isn’t part of anyone’s homework yet, so saving updates it directly.`}
        </p>
      </div>
      <TemplateBuilder
        templateId={template.id}
        initial={{
          title: current.title,
          purpose: current.purpose,
          kind: current.kind,
          instructions: current.instructions,
          estimatedMinutes: current.estimatedMinutes,
          allowsMultiplePerDay: current.allowsMultiplePerDay,
          fields: current.fields,
        }}
        submitLabel="Save changes"
        cancelHref={`/library/${template.id}`}
      />
    </div>
  );
}

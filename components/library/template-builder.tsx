"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { createTemplateAction, updateTemplateAction } from "@/lib/templates/actions";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import type { FieldDefinition, FieldType } from "@/lib/exercises/fields";
import type { ExerciseKind } from "@/lib/exercises/types";
import { questionErrors } from "./builder-errors";
import { draftFromField, emptyDraft, moveItem, toFieldPayloads, type DraftField } from "./builder-model";
import { BuilderPreview } from "./builder-preview";
import { AddQuestion } from "./add-question";
import { DetailsFields, type Details } from "./details-fields";
import { QuestionCard } from "./question-card";

export type BuilderInitial = {
  title: string;
  purpose: string;
  kind: ExerciseKind;
  instructions: string | null;
  estimatedMinutes: number;
  allowsMultiplePerDay: boolean;
  fields: FieldDefinition[];
};

/**
 * The exercise builder. Questions live in React state and travel to the
 * server as one JSON text (`fields`), which the action checks with the same
 * zod schemas that guard every stored template.
 */
export function TemplateBuilder({
  templateId,
  initial,
  submitLabel,
  cancelHref,
}: {
  /** Set when editing one of the practice's own exercises. */
  templateId?: string;
  initial?: BuilderInitial;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, action, pending] = useActionState(templateId ? updateTemplateAction : createTemplateAction, null);
  const [details, setDetails] = useState<Details>(() => ({
    title: initial?.title ?? "",
    purpose: initial?.purpose ?? "",
    kind: initial?.kind ?? "journal",
    instructions: initial?.instructions ?? "",
    estimatedMinutes: String(initial?.estimatedMinutes ?? 10),
    allowsMultiplePerDay: initial?.allowsMultiplePerDay ?? false,
  }));
  // Index-based ids for the first render keep server and browser markup identical.
  const [drafts, setDrafts] = useState<DraftField[]>(() =>
    initial ? initial.fields.map((field, index) => draftFromField(field, `q${index}`)) : [emptyDraft("q0")],
  );
  const [submittedUids, setSubmittedUids] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const uidCounter = useRef(0);
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const makeUid = () => `n${++uidCounter.current}`;
  const payloads = toFieldPayloads(drafts);
  const fieldErrors = state && !state.ok && !pending ? state.fieldErrors : {};
  const listErrors = fieldErrors["fields"];

  function replace(index: number, draft: DraftField) {
    setDrafts((current) => current.map((other, at) => (at === index ? draft : other)));
  }

  function move(index: number, direction: -1 | 1) {
    const target = index + direction;
    const uid = drafts[index]?.uid;
    if (!uid || target < 0 || target >= drafts.length) return;
    setDrafts(moveItem(drafts, index, target));
    const atEdge = target === 0 || target === drafts.length - 1;
    // Keep focus on the button just used; at the top or bottom it is disabled, so use its partner.
    const same = direction === -1 ? "up" : "down";
    const other = direction === -1 ? "down" : "up";
    pendingFocus.current = `${uid}-${atEdge ? other : same}`;
    setAnnouncement(`Question ${index + 1} moved to position ${target + 1}.`);
  }

  function remove(index: number) {
    const next = drafts[index + 1] ?? drafts[index - 1];
    setDrafts(drafts.filter((_, at) => at !== index));
    pendingFocus.current = next ? `${next.uid}-heading` : "add-question-button";
    setAnnouncement(`Question ${index + 1} removed.`);
  }

  // Submitted by hand rather than through `<form action>`: React resets a form
  // after an action, which would wipe controlled selects and checkboxes here.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setSubmittedUids(drafts.map((draft) => draft.uid));
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  function add(type: FieldType) {
    const draft = emptyDraft(makeUid(), type);
    setDrafts([...drafts, draft]);
    pendingFocus.current = `${draft.uid}-label`;
    setAnnouncement(`Question ${drafts.length + 1} added.`);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-label={templateId ? "Edit exercise" : "Build an exercise"}>
      {templateId ? <input type="hidden" name="templateId" value={templateId} /> : null}
      <input type="hidden" name="fields" value={JSON.stringify(payloads)} />
      <FormAlert message={state && !state.ok && !pending ? state.message : undefined} />

      <Card>
        <h2 className="text-lg font-semibold">About this exercise</h2>
        <p className="mt-1 mb-4 text-sm text-stone-600">Your client sees the title, purpose and instructions at the top.</p>
        <DetailsFields details={details} onChange={setDetails} fieldErrors={fieldErrors} />
      </Card>

      <section aria-labelledby="questions-heading" className="space-y-4">
        <div>
          <h2 id="questions-heading" className="text-lg font-semibold">
            Questions
          </h2>
          <p className="text-sm text-stone-600">Your client answers them in this order.</p>
        </div>
        <p id="questions-error" aria-live="polite" className="text-sm font-medium text-red-700">
          {listErrors?.join(" ")}
        </p>
        <ol className="space-y-4">
          {drafts.map((draft, index) => {
            const submittedAt = submittedUids.indexOf(draft.uid);
            return (
              <QuestionCard
                key={draft.uid}
                draft={draft}
                index={index}
                count={drafts.length}
                errors={submittedAt >= 0 ? questionErrors(fieldErrors, submittedAt) : {}}
                onChange={(next) => replace(index, next)}
                onMove={(direction) => move(index, direction)}
                onRemove={() => remove(index)}
                makeUid={makeUid}
              />
            );
          })}
        </ol>
        <AddQuestion onAdd={add} disabled={drafts.length >= 60} describedBy={listErrors ? "questions-error" : undefined} />
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
      </section>

      <details className="rounded-xl border border-stone-200 bg-white p-4">
        <summary className="cursor-pointer font-semibold text-stone-800">Preview as your client will see it</summary>
        <div className="mt-4">
          <BuilderPreview
            title={details.title}
            purpose={details.purpose}
            instructions={details.instructions}
            estimatedMinutes={details.estimatedMinutes}
            payloads={payloads}
          />
        </div>
      </details>

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <Link href={cancelHref} className={buttonClasses("ghost")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Answers, FieldDefinition } from "@/lib/exercises/field-types";
import { findSafetyConcerns } from "@/lib/exercises/safety";
import { saveDraftAction, submitEntryAction } from "@/lib/homework/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { ConflictBanner } from "./conflict-banner";
import { CrisisPanel, type CrisisPanelResources } from "./crisis-panel";
import { EntryFields } from "./entry-fields";
import { SaveStatusBadge } from "./save-status";
import { SignInAgainPanel } from "./sign-in-again-panel";
import { useAutosave } from "./use-autosave";

type Props = {
  assignmentId: string;
  entryKey: string;
  fields: FieldDefinition[];
  initialAnswers: Answers;
  initialPrivateKeys: string[];
  initialVersion: number;
  crisisResources: CrisisPanelResources;
  /** The signed-in client's e-mail: only they may sign back in on this page. */
  email: string;
};

export function EntryForm(props: Props) {
  const router = useRouter();
  const [submitting, setSubmitting] = useState(false);
  const [message, setMessage] = useState<string>();
  const draft = useAutosave({
    entry: { assignmentId: props.assignmentId, entryKey: props.entryKey },
    initial: { answers: props.initialAnswers, privateKeys: props.initialPrivateKeys },
    initialVersion: props.initialVersion,
    save: (payload) => saveDraftAction({ assignmentId: props.assignmentId, entryKey: props.entryKey, ...payload }),
    onSubmitted: (submissionId) => router.replace(`/portal/entries/${submissionId}`),
  });

  // Shown the moment an answer says the client is unsafe, before any submit,
  // right under that question, and kept for the rest of the entry: changing
  // the answer back does not take the numbers away. A draft that already says
  // so shows it from the start (without moving focus).
  const firstConcern = findSafetyConcerns(props.fields, draft.answers)[0];
  const [crisisAt, setCrisisAt] = useState<{ key: string; takeFocus: boolean } | null>(() =>
    firstConcern ? { key: firstConcern, takeFocus: false } : null,
  );
  if (firstConcern && !crisisAt) setCrisisAt({ key: firstConcern, takeFocus: true });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (submitting || draft.conflict) return;
    setSubmitting(true);
    setMessage(undefined);
    try {
      await draft.flush();
      if (draft.isBlocked()) return;
      const result = await submitEntryAction({
        assignmentId: props.assignmentId,
        entryKey: props.entryKey,
        answers: draft.answers,
        privateKeys: draft.privateKeys,
        baseVersion: draft.currentVersion(),
      });
      if (!result.ok && result.reason === "signed-out") {
        draft.noticeSignedOut();
        return;
      }
      if (result.ok || result.reason === "submitted") {
        draft.markSubmitted();
        router.replace(`/portal/entries/${result.submissionId}?submitted=1`);
        return;
      }
      if (result.reason === "unavailable") {
        setMessage(result.message);
      } else if (result.reason === "invalid") {
        draft.setFieldErrors(result.fieldErrors);
        setMessage(result.message);
        const first = props.fields.find((field) => result.fieldErrors[field.key]);
        if (first) document.getElementById(`field-${first.key}`)?.scrollIntoView({ behavior: "smooth", block: "center" });
      } else {
        setMessage("This entry was changed elsewhere. Please choose which version to keep, then submit again.");
      }
    } catch {
      setMessage("We couldn’t reach Trellis. Your answers are still here; please try again in a moment.");
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <>
      {draft.signedOut ? <SignInAgainPanel email={props.email} onSignedIn={draft.resumeAfterSignIn} /> : null}
      <form onSubmit={submit} noValidate className="space-y-6">
        <div className="sticky top-0 z-10 -mx-4 flex justify-end bg-stone-50/95 px-4 py-2 backdrop-blur">
          <SaveStatusBadge status={draft.status} savedAt={draft.savedAt} notice={draft.notice} />
        </div>
        {draft.conflict ? <ConflictBanner updatedAt={draft.conflict.updatedAt} onChoose={draft.resolveConflict} /> : null}

        <EntryFields
          fields={props.fields}
          answers={draft.answers}
          privateKeys={draft.privateKeys}
          fieldErrors={draft.fieldErrors}
          onAnswer={draft.setAnswer}
          onPrivate={draft.setPrivate}
          onBlur={() => void draft.flush()}
          crisis={
            crisisAt ? { key: crisisAt.key, panel: <CrisisPanel resources={props.crisisResources} takeFocus={crisisAt.takeFocus} dismissible /> } : null
          }
        />

        <FormAlert message={message} />
        <Button type="submit" disabled={submitting || Boolean(draft.conflict)} className="w-full py-3 text-base sm:w-auto">
          {submitting ? "Submitting…" : "Submit"}
        </Button>
      </form>
    </>
  );
}

import { FieldLabel } from "@/components/portal/fields/field-label";
import { describeAnswer } from "@/lib/exercises/describe-answer";
import type { Answers, FieldDefinition } from "@/lib/exercises/field-types";
import { PRIVATE_ANSWER_TEXT } from "@/lib/exercises/private-answers";

/**
 * Answers under their questions, labelled by the same FieldLabel as the form
 * and every preview. `privateKeys` are shown as kept private, in the words of
 * lib/exercises/private-answers.ts; the therapist never receives their text
 * at all (see lib/review).
 */
export function AnswerList({
  fields,
  answers,
  privateKeys,
  viewer,
}: {
  fields: readonly FieldDefinition[];
  answers: Answers;
  privateKeys: readonly string[];
  viewer: "client" | "therapist";
}) {
  return (
    <dl className="space-y-5">
      {fields.map((field) => {
        const id = `answer-${field.key}`;
        const isPrivate = privateKeys.includes(field.key);
        const text = describeAnswer(field, answers[field.key]);
        return (
          <div key={field.key} data-field={field.key}>
            <FieldLabel field={field} id={id} as="dt" />
            <dd className="mt-1 whitespace-pre-wrap text-stone-800 wrap-anywhere">
              {isPrivate && viewer === "therapist" ? (
                <span id={`${id}-private`} className="italic text-stone-500">
                  {PRIVATE_ANSWER_TEXT.therapistView}
                </span>
              ) : (
                (text ?? <span className="italic text-stone-500">No answer</span>)
              )}
              {isPrivate && viewer === "client" ? (
                <span id={`${id}-private`} className="mt-1 block text-sm text-stone-500">
                  {PRIVATE_ANSWER_TEXT.clientView}
                </span>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

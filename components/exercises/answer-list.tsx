import { describeAnswer, type Answers, type FieldDefinition } from "@/lib/exercises";

/**
 * Answers under their questions. `privateKeys` are shown as "kept private"
 * when the viewer is not allowed to read them (the therapist never receives
 * the text at all; see lib/review).
 */
export function AnswerList({
  fields,
  answers,
  privateKeys,
  viewer,
}: {
  fields: FieldDefinition[];
  answers: Answers;
  privateKeys: string[];
  viewer: "client" | "therapist";
}) {
  return (
    <dl className="space-y-5">
      {fields.map((field) => {
        const isPrivate = privateKeys.includes(field.key);
        const text = describeAnswer(field, answers[field.key]);
        return (
          <div key={field.key}>
            <dt className="font-semibold text-stone-900">{field.label}</dt>
            <dd className="mt-1 whitespace-pre-wrap text-stone-800 wrap-anywhere">
              {isPrivate && viewer === "therapist" ? (
                <span className="italic text-stone-500">Answered, kept private by the client</span>
              ) : (
                (text ?? <span className="italic text-stone-500">No answer</span>)
              )}
              {isPrivate && viewer === "client" ? <span className="mt-1 block text-sm text-stone-500">Kept private from your therapist</span> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

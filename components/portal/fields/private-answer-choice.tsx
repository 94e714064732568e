import { PRIVATE_ANSWER_TEXT } from "@/lib/exercises/private-answers";

/**
 * The client's "keep this answer private" choice, worded once
 * (lib/exercises/private-answers.ts) for the form and every preview.
 */
export function PrivateAnswerChoice({
  id,
  checked,
  onChange,
  disabled,
}: {
  /** The answer's control id. */
  id: string;
  checked: boolean;
  onChange?: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <label className="flex items-start gap-3 rounded-xl bg-brand-50 px-4 py-3 text-base text-brand-900">
      <input
        type="checkbox"
        checked={checked}
        // Left out entirely without a handler: a server-rendered preview cannot carry one.
        onChange={onChange ? (event) => onChange(event.target.checked) : undefined}
        disabled={disabled}
        aria-describedby={`${id}-private-explanation`}
        className="mt-0.5 size-5 shrink-0 accent-brand-700"
      />
      <span id={`${id}-private-notice`}>
        <span className="block font-medium">{PRIVATE_ANSWER_TEXT.choice}</span>{" "}
        <span id={`${id}-private-explanation`} className="block text-sm text-stone-700">
          {PRIVATE_ANSWER_TEXT.explanation}
        </span>
      </span>
    </label>
  );
}

import type { FieldDefinition } from "@/lib/exercises/field-types";

/**
 * A question's label and help, for the client's form, every preview and the
 * read-only answer views alike: the words are the template's, once.
 */

/** Text and number answers are one input named by a <label>; every other type is a group named by its legend. */
export function isGroupField(field: FieldDefinition): boolean {
  return field.type !== "short_text" && field.type !== "long_text" && field.type !== "number";
}

const CLASSES = {
  label: "block text-lg font-semibold text-stone-900",
  legend: "text-lg font-semibold text-stone-900",
  dt: "font-semibold text-stone-900",
} as const;

export function FieldLabel({
  field,
  id,
  as,
}: {
  field: FieldDefinition;
  /** The control's id; the label's own is `${id}-label` (groups are aria-labelledby it). */
  id: string;
  /** `dt` in the read-only answer views, where "(optional)" no longer matters. */
  as: "label" | "legend" | "dt";
}) {
  const content = (
    <>
      {field.label}
      {as !== "dt" && !field.required ? (
        <span data-optional className="ml-2 text-sm font-normal text-stone-500">
          (optional)
        </span>
      ) : null}
    </>
  );
  if (as === "label") {
    return (
      <label id={`${id}-label`} htmlFor={id} className={CLASSES.label}>
        {content}
      </label>
    );
  }
  if (as === "legend") {
    return (
      <legend id={`${id}-label`} className={CLASSES.legend}>
        {content}
      </legend>
    );
  }
  return (
    <dt id={`${id}-label`} className={CLASSES.dt}>
      {content}
    </dt>
  );
}

export function FieldHelp({ field, id }: { field: FieldDefinition; id: string }) {
  if (!field.help) return null;
  return (
    <p id={`${id}-help`} className="text-base text-stone-600">
      {field.help}
    </p>
  );
}

"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/result";
import { resetCrisisLinesAction, saveCrisisLinesAction } from "@/lib/safety/actions";
import { BUILT_IN_COUNTRIES, countryName, MAX_LINES_PER_COUNTRY, type CrisisLine } from "@/lib/safety/crisis-resources";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldError, formError, typedValue } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = {
  country: string;
  /** What clients in this country see now (the practice's own lines or the built-in ones). */
  lines: CrisisLine[];
  /** Whether these are the practice's own lines (then they can go back to the built-in ones). */
  custom: boolean;
};

function LineRows({ lines, state }: { lines: CrisisLine[]; state: FormState }) {
  return Array.from({ length: MAX_LINES_PER_COUNTRY }, (_, index) => {
    const line = lines[index];
    const value = (field: keyof CrisisLine) => typedValue(state, `lines.${index}.${field}`) ?? line?.[field] ?? "";
    return (
      <fieldset key={index} className="grid gap-3 rounded-lg border border-stone-200 p-3 sm:grid-cols-3">
        <legend className="px-1 text-sm font-medium text-stone-700">Line {index + 1}</legend>
        <TextField label="Name" name={`lines.${index}.name`} defaultValue={value("name")} maxLength={100} error={fieldError(state, `lines.${index}.name`)} />
        <TextField
          label="Phone number"
          name={`lines.${index}.phone`}
          type="tel"
          inputMode="tel"
          defaultValue={value("phone")}
          maxLength={30}
          error={fieldError(state, `lines.${index}.phone`)}
        />
        <TextField label="Note (optional)" name={`lines.${index}.text`} defaultValue={value("text")} maxLength={300} error={fieldError(state, `lines.${index}.text`)} />
      </fieldset>
    );
  });
}

/** The owner's lines for one country: up to six rows of name, number and a short note. */
export function CrisisLinesForm({ country, lines, custom }: Props) {
  const [state, save] = useActionState(saveCrisisLinesAction, null);
  const [resetState, reset] = useActionState(resetCrisisLinesAction, null);
  const listError = fieldError(state, "lines") ?? fieldError(state, "country");

  return (
    <div className="space-y-4">
      <form action={save} className="space-y-4" data-testid="crisis-lines-form" noValidate>
        <input type="hidden" name="country" value={country} />
        <p className="text-sm text-stone-600">
          The first line is usually the emergency number. Leave a row empty to drop it. Numbers become tap-to-call links on the client&rsquo;s phone.
        </p>
        {/* Remounted when the saved lines change (a save, a reset), so the fields show what is stored. */}
        <LineRows key={JSON.stringify(lines)} lines={lines} state={state} />
        <FormAlert message={listError?.[0]} />
        <FormAlert message={state && !state.ok && !listError ? formError(state) : undefined} />
        <FormAlert tone="success" message={state?.ok ? state.message : undefined} />
        <SubmitButton pendingLabel="Saving…">Save lines for {countryName(country)}</SubmitButton>
      </form>
      {custom ? (
        <form action={reset} className="space-y-2">
          <input type="hidden" name="country" value={country} />
          <FormAlert message={formError(resetState)} />
          <SubmitButton variant="secondary" pendingLabel="Resetting…">
            {(BUILT_IN_COUNTRIES as readonly string[]).includes(country) || country === "INTL" ? "Use the built-in lines again" : "Remove our lines"}
          </SubmitButton>
        </form>
      ) : null}
      <FormAlert tone="success" message={resetState?.ok ? resetState.message : undefined} />
    </div>
  );
}

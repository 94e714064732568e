"use client";

import { useActionState } from "react";
import { setClientCountryAction } from "@/lib/safety/actions";
import { BUILT_IN_COUNTRIES, countryName } from "@/lib/safety/crisis-resources";
import { SelectField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldError, formError } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = {
  clientId: string;
  /** Client.country: null = from the time zone. */
  country: string | null;
  /** The country their time zone points to, or null (international lines). */
  fromTimeZone: string | null;
  /** Countries the practice has its own lines for, besides the built-in ones. */
  practiceCountries?: string[];
};

/** Which country's crisis lines the client is shown if they answer a safety question as unsafe. */
export function ClientCountryForm({ clientId, country, fromTimeZone, practiceCountries = [] }: Props) {
  const [state, action] = useActionState(setClientCountryAction, null);
  const choices = [...new Set<string>([...BUILT_IN_COUNTRIES, ...practiceCountries.filter((code) => code !== "INTL"), ...(country ? [country] : [])])];
  const automatic = fromTimeZone ? `From their time zone (${countryName(fromTimeZone)})` : "From their time zone (international lines)";
  return (
    <form action={action} className="space-y-3" data-testid="client-country-form">
      <input type="hidden" name="clientId" value={clientId} />
      <SelectField
        label="Crisis lines shown to this client"
        name="country"
        hint="If they answer a safety question as unsafe, they see the emergency number and helplines for this country."
        defaultValue={country ?? "auto"}
        error={fieldError(state, "country")}
      >
        <option value="auto">{automatic}</option>
        {choices.map((code) => (
          <option key={code} value={code}>
            {countryName(code)}
          </option>
        ))}
      </SelectField>
      <FormAlert tone="success" message={state?.ok ? state.message : undefined} />
      <FormAlert message={fieldError(state, "country") ? undefined : formError(state)} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save country
      </SubmitButton>
    </form>
  );
}

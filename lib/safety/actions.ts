"use server";

import { staffAction, therapistAction } from "@/lib/actions/define-action";
import type { ActionResult, FormState } from "@/lib/actions/result";
import { countryName } from "./crisis-resources";
import {
  countryLinesFromForm,
  resetCountryLines,
  resetCountryLinesSchema,
  saveCountryLines,
  saveCountryLinesSchema,
} from "./practice-crisis-lines";
import { clientCountrySchema, setClientCountry } from "./set-client-country";

export async function setClientCountryAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return setCountry(formData);
}

const setCountry = therapistAction(
  clientCountrySchema,
  async ({ scope }, data): Promise<ActionResult> => {
    await setClientCountry(scope, data);
    return { ok: true, message: data.country ? `Crisis lines for ${countryName(data.country)} will be shown.` : "Crisis lines will follow their time zone." };
  },
  { input: (formData) => ({ clientId: formData.get("clientId"), country: formData.get("country") }), revalidate: [["/clients/[clientId]", "page"]] },
);

export async function saveCrisisLinesAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return saveLines(formData);
}

const saveLines = staffAction(
  ["OWNER"],
  saveCountryLinesSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    await saveCountryLines(scope, data);
    return { ok: true, message: `Saved. Clients in ${countryName(data.country)} now see these lines.` };
  },
  { echo: true, input: countryLinesFromForm, revalidate: ["/practice/crisis-lines"] },
);

export async function resetCrisisLinesAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return resetLines(formData);
}

const resetLines = staffAction(
  ["OWNER"],
  resetCountryLinesSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    await resetCountryLines(scope, data);
    return { ok: true, message: `Clients in ${countryName(data.country)} see the built-in lines again.` };
  },
  { input: (formData) => ({ country: formData.get("country") }), revalidate: ["/practice/crisis-lines"] },
);

import type { Metadata } from "next";
import Link from "next/link";
import { CrisisLinesForm } from "@/components/practice/crisis-lines-form";
import { PracticeNav } from "@/components/practice/practice-nav";
import { Card } from "@/components/ui/card";
import { requireOwnerPage } from "@/lib/practice/require-owner";
import { BUILT_IN_COUNTRIES, COUNTRY_KEY, countryName, crisisLinesFor, INTERNATIONAL } from "@/lib/safety/crisis-resources";
import { getPracticeCrisisLines } from "@/lib/safety/practice-crisis-lines";

export const metadata: Metadata = { title: "Crisis lines" };

/** ?country= chooses the list to edit; anything that is not a country code is ignored. */
function chosenCountry(value: string | string[] | undefined): string | null {
  const code = typeof value === "string" ? value.trim().toUpperCase() : "";
  return COUNTRY_KEY.test(code) ? code : null;
}

export default async function CrisisLinesPage({ searchParams }: PageProps<"/practice/crisis-lines">) {
  const owner = await requireOwnerPage();
  const [{ lines: own, storedWasInvalid }, query] = await Promise.all([getPracticeCrisisLines(owner.practiceId), searchParams]);
  const countries = [...new Set<string>([...BUILT_IN_COUNTRIES, INTERNATIONAL, ...Object.keys(own)])];
  const editing = chosenCountry(query.country);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Practice</h1>
        <PracticeNav current="crisis-lines" />
      </div>
      <Card>
        <h2 className="text-lg font-semibold">Crisis lines</h2>
        <p className="mt-1 text-sm text-stone-600">
          A client who answers a safety question as unsafe sees these numbers at once, for their country (chosen on the client&rsquo;s page, or
          from their time zone). Your own lines for a country replace the built-in ones; &ldquo;{countryName(INTERNATIONAL)}&rdquo; is shown to
          clients in any country without lines of its own.
        </p>
        {storedWasInvalid ? (
          <p role="alert" className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
            The lines saved earlier could not be read, so clients see the built-in lines. Saving a country below starts afresh.
          </p>
        ) : null}
        <ul className="mt-4 divide-y divide-stone-200">
          {countries.map((country) => {
            const shown = crisisLinesFor(country, own);
            const isOwn = Boolean(own[country]?.length);
            return (
              <li key={country} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid={`crisis-country-${country}`}>
                <div className="min-w-0">
                  <p className="font-semibold">
                    {countryName(country)} <span className="text-sm font-normal text-stone-500">{isOwn ? "· your lines" : "· built-in"}</span>
                  </p>
                  <p className="text-sm text-stone-600 wrap-anywhere">
                    {shown.lines.map((line) => (line.phone ? `${line.name}: ${line.phone}` : line.name)).join(" · ")}
                  </p>
                </div>
                <Link href={`/practice/crisis-lines?country=${country}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-2">
                  Edit<span className="sr-only"> {countryName(country)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
        <form method="get" className="mt-4 flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium text-stone-800">
            Another country (two-letter code, e.g. FR)
            <input name="country" maxLength={2} pattern="[A-Za-z]{2}" className="mt-1 block min-h-11 w-24 rounded-lg border border-stone-300 px-3 uppercase" />
          </label>
          <button type="submit" className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold">
            Add lines
          </button>
        </form>
      </Card>
      {editing ? (
        <Card>
          <h2 className="text-lg font-semibold" id="editing">
            {countryName(editing)}
          </h2>
          <div className="mt-3">
            <CrisisLinesForm
              country={editing}
              lines={own[editing] ?? (crisisLinesFor(editing, null).key === editing ? crisisLinesFor(editing, null).lines : [])}
              custom={Boolean(own[editing]?.length)}
            />
          </div>
        </Card>
      ) : null}
    </div>
  );
}

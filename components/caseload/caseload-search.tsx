import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

export type ClinicianFilter = { chosen?: string; options: { id: string; name: string; isSelf: boolean }[] };

// A plain GET form: works without JavaScript, and the URL can be bookmarked.
// An owner or supervisor also chooses whose clients to see.
export function CaseloadSearch({ query, clinicians }: { query: string; clinicians?: ClinicianFilter }) {
  return (
    <form method="get" action="/dashboard" role="search" aria-label="Search the caseload" className="flex flex-wrap items-end gap-2">
      {/* On a phone the name field takes its own line when the clinician filter is there too. */}
      <div className={clinicians ? "min-w-0 flex-1 basis-full sm:basis-auto sm:max-w-sm" : "min-w-0 flex-1 sm:max-w-sm"}>
        <TextField label="Search by name" name="q" type="search" defaultValue={query} autoComplete="off" />
      </div>
      {clinicians ? (
        <div className="min-w-0 flex-1 sm:w-56 sm:flex-none">
          <SelectField label="Clinician" name="clinician" defaultValue={clinicians.chosen ?? ""}>
            <option value="">All clinicians</option>
            {clinicians.options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.isSelf ? `${option.name} (you)` : option.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      {/* pb-1.5 lines the button up with the input above the field's (empty) error line. */}
      <div className="flex gap-2 pb-1.5">
        <button type="submit" className={buttonClasses("secondary")}>
          Search
        </button>
        {query || clinicians?.chosen ? (
          <Link href="/dashboard" className={buttonClasses("ghost")}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { EXERCISE_KINDS, type ExerciseKind } from "@/lib/exercises/types";
import { KIND_LABELS } from "./kind-labels";

// A plain GET form: searching and filtering work without JavaScript, and the URL can be shared or bookmarked.
export function LibraryFilter({ query, kind }: { query: string; kind: ExerciseKind | undefined }) {
  const filtered = Boolean(query || kind);
  return (
    <form method="get" action="/library" role="search" aria-label="Search the library" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <TextField label="Search by title" name="q" type="search" defaultValue={query} autoComplete="off" />
      </div>
      <div className="sm:w-48">
        <SelectField label="Kind" name="kind" defaultValue={kind ?? ""}>
          <option value="">All kinds</option>
          {EXERCISE_KINDS.map((value) => (
            <option key={value} value={value}>
              {KIND_LABELS[value]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex gap-2 sm:pb-6">
        <button type="submit" className={buttonClasses("secondary")}>
          Search
        </button>
        {filtered ? (
          <Link href="/library" className={buttonClasses("ghost")}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}

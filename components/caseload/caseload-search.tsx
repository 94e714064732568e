import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

// A plain GET form: works without JavaScript, and the URL can be bookmarked.
export function CaseloadSearch({ query }: { query: string }) {
  return (
    <form method="get" action="/dashboard" role="search" aria-label="Search the caseload" className="flex items-end gap-2">
      <div className="min-w-0 flex-1 sm:max-w-sm">
        <TextField label="Search by name" name="q" type="search" defaultValue={query} autoComplete="off" />
      </div>
      {/* pb-1.5 lines the button up with the input above the field's (empty) error line. */}
      <div className="flex gap-2 pb-1.5">
        <button type="submit" className={buttonClasses("secondary")}>
          Search
        </button>
        {query ? (
          <Link href="/dashboard" className={buttonClasses("ghost")}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}

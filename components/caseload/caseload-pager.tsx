import Link from "next/link";

function hrefOf(page: number, query: string, clinician?: string) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (clinician) params.set("clinician", clinician);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/dashboard?${search}` : "/dashboard";
}

const linkClass = "inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-brand-700 underline underline-offset-2 hover:bg-stone-100";

/** "Clients 26–50 of 150" with Previous / Next, keeping the search. */
export function CaseloadPager({
  page,
  pageCount,
  first,
  last,
  total,
  query,
  clinician,
}: {
  page: number;
  pageCount: number;
  first: number;
  last: number;
  total: number;
  query: string;
  clinician?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Caseload pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-stone-600">
        Clients {first}–{last} of {total}, most urgent first
      </p>
      <div className="flex gap-1">
        {page > 1 ? (
          <Link href={hrefOf(page - 1, query, clinician)} className={linkClass}>
            Previous<span className="sr-only"> page</span>
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={hrefOf(page + 1, query, clinician)} className={linkClass}>
            Next<span className="sr-only"> page</span>
          </Link>
        ) : null}
      </div>
    </nav>
  );
}

// The dashboard shows the ranked caseload a page at a time: the most urgent
// clients first, and a page's cost does not grow with the caseload (a
// rendered row costs about a millisecond on a small server).

export const CASELOAD_PAGE_SIZE = 25;

export type CaseloadPage<T> = {
  rows: T[];
  /** 1-based, clamped to the pages there are. */
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last row shown (0 and 0 when empty). */
  first: number;
  last: number;
  total: number;
};

export function pageOf<T>(rows: readonly T[], requested: number, size = CASELOAD_PAGE_SIZE): CaseloadPage<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const page = Math.min(Math.max(1, Math.trunc(requested) || 1), pageCount);
  const start = (page - 1) * size;
  const shown = rows.slice(start, start + size);
  return {
    rows: shown,
    page,
    pageCount,
    first: shown.length ? start + 1 : 0,
    last: start + shown.length,
    total: rows.length,
  };
}

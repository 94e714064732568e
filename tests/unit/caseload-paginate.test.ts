import { describe, expect, it } from "vitest";
import { pageOf } from "@/lib/caseload/paginate";

const rows = Array.from({ length: 60 }, (_, index) => index + 1);

describe("pageOf", () => {
  it("cuts the ranked rows into pages, keeping their order", () => {
    expect(pageOf(rows, 1, 25)).toMatchObject({ page: 1, pageCount: 3, first: 1, last: 25, total: 60 });
    expect(pageOf(rows, 1, 25).rows).toEqual(rows.slice(0, 25));
    expect(pageOf(rows, 3, 25)).toMatchObject({ rows: rows.slice(50), first: 51, last: 60 });
  });

  it("clamps a page past the end to the last one, and below 1 to the first", () => {
    expect(pageOf(rows, 9, 25)).toMatchObject({ page: 3, first: 51 });
    expect(pageOf(rows, 0, 25)).toMatchObject({ page: 1, first: 1 });
  });

  it("has one empty page when there is nothing to show", () => {
    expect(pageOf([], 2, 25)).toEqual({ rows: [], page: 1, pageCount: 1, first: 0, last: 0, total: 0 });
  });
});

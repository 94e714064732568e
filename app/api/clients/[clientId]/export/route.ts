// Downloads of one client's record for their therapist:
// GET ?format=csv-submissions | csv-measurements | fhir.
// A route handler (not a page or action) because the answer is a file.
// The proxy skips /api, so this handler does its own sign-in check, and the
// data function scopes every query by the caller (lib/exports/load-client-record.ts).
import { z } from "zod";
import { getIdentity } from "@/lib/auth/session";
import { clientReadScope } from "@/lib/practice/access";
import { todayIn } from "@/lib/dates/local-date";
import { getEnv } from "@/lib/env";
import { AppError, NOT_FOUND_MESSAGE } from "@/lib/errors";
import { measurementsCsv, submissionsCsv } from "@/lib/exports/client-csv";
import { buildFhirBundle, fhirCanonicalBase } from "@/lib/exports/fhir";
import { loadClientRecord, type ClientRecord } from "@/lib/exports/load-client-record";
import { recordExport } from "@/lib/exports/record-export";
import { isId } from "@/lib/validations/text";
import { recordEvent } from "@/lib/audit/record-event";
import { clientAddressFrom } from "@/lib/http/client-address";
import { mustEnrolTwoFactor } from "@/lib/two-factor/enforcement";

export const dynamic = "force-dynamic";

const FORMATS = ["csv-submissions", "csv-measurements", "fhir"] as const;
type ExportFormat = (typeof FORMATS)[number];

const querySchema = z.object({
  format: z.enum(FORMATS, { error: `Choose an export format: ${FORMATS.join(", ")}.` }),
});

// Clinical data: never kept by the browser or any cache along the way.
const NO_STORE = { "Cache-Control": "no-store" } as const;

// A UTF-8 byte order mark: without it Excel reads the file as the local
// code page and garbles accents, curly quotes and dashes in answers.
const UTF8_BOM = "\uFEFF";

const fail = (status: number, error: string) => Response.json({ error }, { status, headers: NO_STORE });

export async function GET(request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  const identity = await getIdentity();
  if (!identity) return fail(401, "Please sign in to download a client record.");
  // A client's session reads exactly like "not your client": no existence leaks.
  if (identity.role !== "THERAPIST") return fail(404, NOT_FOUND_MESSAGE);
  // A practice that requires two-step sign-in: no record leaves before it is set up.
  if (await mustEnrolTwoFactor(identity.userId)) return fail(403, "Set up two-step sign-in first (Account → Two-step sign-in).");
  // No record has an id like this (a NUL byte would even fail in PostgreSQL): not found, before any query.
  if (!isId((await params).clientId)) return fail(404, NOT_FOUND_MESSAGE);

  const query = querySchema.safeParse({ format: new URL(request.url).searchParams.get("format") ?? undefined });
  if (!query.success) return fail(400, query.error.issues[0]?.message ?? "Choose an export format.");

  const { clientId } = await params;
  let record: ClientRecord;
  try {
    record = await loadClientRecord(await clientReadScope(identity, clientId), clientId);
  } catch (error) {
    if (error instanceof AppError && (error.kind === "not_found" || error.kind === "forbidden")) {
      // Kept in the caller's own practice's trail, never the record owner's: nothing leaks either way.
      await recordEvent(undefined, {
        practiceId: identity.practiceId,
        actorId: identity.userId,
        action: "access.denied",
        subjectType: "Client",
        subjectId: clientId,
        outcome: "denied",
        address: clientAddressFrom(request.headers),
        metadata: { attempted: "client.exported" },
      });
      return fail(404, NOT_FOUND_MESSAGE);
    }
    throw error;
  }

  const file = render(query.data.format, record, canonicalBase(request));
  // Who took a copy of a clinical record, and which part, is kept in the audit trail.
  await recordExport({ practiceId: identity.practiceId, actorId: identity.userId, clientId, format: query.data.format });
  const filename = `trellis-${fileSlug(record.client.displayName)}-${file.part}-${todayIn(identity.timeZone)}.${file.extension}`;
  return new Response(file.body, {
    headers: {
      ...NO_STORE,
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}

function render(format: ExportFormat, record: ClientRecord, base: string) {
  switch (format) {
    case "csv-submissions":
      return { body: UTF8_BOM + submissionsCsv(record), contentType: "text/csv; charset=utf-8", part: "submissions", extension: "csv" };
    case "csv-measurements":
      return { body: UTF8_BOM + measurementsCsv(record), contentType: "text/csv; charset=utf-8", part: "measurements", extension: "csv" };
    case "fhir":
      return {
        body: JSON.stringify(buildFhirBundle(record, { canonicalBase: base, now: new Date() }), null, 2),
        // JSON is UTF-8 by definition (RFC 8259); no charset parameter.
        contentType: "application/fhir+json",
        part: "fhir",
        extension: "json",
      };
  }
}

/** Questionnaire URLs belong to this installation: APP_URL (this request's origin only in development and tests). */
function canonicalBase(request: Request): string {
  const { APP_URL, NODE_ENV } = getEnv();
  return fhirCanonicalBase({ appUrl: APP_URL, nodeEnv: NODE_ENV, requestOrigin: new URL(request.url).origin });
}

/** ASCII only, so the quoted filename needs no escaping whatever the client is called. */
function fileSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug || "client";
}

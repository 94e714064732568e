import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

const DOWNLOADS = [
  { format: "csv-submissions", label: "Submissions (CSV)" },
  { format: "csv-measurements", label: "Measurements (CSV)" },
  { format: "fhir", label: "FHIR R4 bundle (JSON, for an EHR)" },
] as const;

/**
 * Plain <a download> links, not next/link: these are file downloads from a
 * route handler, which client-side navigation and prefetching must not touch.
 */
export function ExportLinks({ clientId }: { clientId: string }) {
  const base = `/api/clients/${encodeURIComponent(clientId)}/export`;
  return (
    <Card>
      <h2 className="text-lg font-semibold">Export record</h2>
      <p className="mt-1 mb-4 text-sm text-stone-600">
        Submitted homework and measurements. Answers the client kept private are never included.
      </p>
      <ul className="flex flex-wrap gap-2">
        {DOWNLOADS.map((download) => (
          <li key={download.format}>
            <a href={`${base}?format=${download.format}`} download className={buttonClasses("secondary")}>
              {download.label}
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}

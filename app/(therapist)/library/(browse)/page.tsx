import type { Metadata } from "next";
import Link from "next/link";
import { LibraryFilter } from "@/components/library/library-filter";
import { TemplateList } from "@/components/library/template-list";
import { buttonClasses } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { requireTherapist } from "@/lib/auth/session";
import { therapistScope } from "@/lib/clients/scope";
import { listTemplates } from "@/lib/templates/list-templates";
import { libraryFilterSchema } from "@/lib/validations/templates";

export const metadata: Metadata = { title: "Library" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LibraryPage({ searchParams }: { searchParams: SearchParams }) {
  const [therapist, params] = await Promise.all([requireTherapist(), searchParams]);
  const filter = libraryFilterSchema.parse(params);
  const templates = await listTemplates(therapistScope(therapist), { query: filter.q, kind: filter.kind });
  const filtered = Boolean(filter.q || filter.kind);

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Exercise library</h1>
          <p className="mt-1 text-stone-600">
            Preview any exercise exactly as your client will see it, duplicate one to make it your own, or build a new one.
          </p>
        </div>
        <Link href="/library/new" className={buttonClasses("primary", "shrink-0")}>
          Build an exercise
        </Link>
      </div>
      {params.archived === "1" ? (
        <FormAlert tone="success" message="Exercise archived. Homework already assigned with it keeps working." />
      ) : null}
      <LibraryFilter query={filter.q} kind={filter.kind} />
      {filtered ? (
        <p role="status" className="text-sm text-stone-600">
          {templates.length} exercise{templates.length === 1 ? "" : "s"} found
        </p>
      ) : null}
      <TemplateList templates={templates} filtered={filtered} />
    </div>
  );
}

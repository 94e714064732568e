import type { TemplateListItem } from "@/lib/templates/list-templates";
import { TemplateCard } from "./template-card";

function Section({ title, description, templates }: { title: string; description: string; templates: TemplateListItem[] }) {
  const headingId = `library-${title.toLowerCase().replaceAll(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div>
        <h2 id={headingId} className="text-lg font-semibold">
          {title} <span className="text-sm font-normal text-stone-500">({templates.length})</span>
        </h2>
        <p className="text-sm text-stone-600">{description}</p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2">
        {templates.map((template) => (
          <TemplateCard key={template.id} template={template} />
        ))}
      </ul>
    </section>
  );
}

export function TemplateList({ templates, filtered }: { templates: TemplateListItem[]; filtered: boolean }) {
  if (templates.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600" role="status">
        {filtered
          ? "No exercises match your search. Try another word, or choose “All kinds”."
          : "The library is empty for now. Build your first exercise to get started."}
      </p>
    );
  }
  const drafts = templates.filter((template) => template.draft);
  const own = templates.filter((template) => !template.builtIn && !template.draft);
  const builtIn = templates.filter((template) => template.builtIn);
  return (
    <div className="space-y-8">
      {drafts.length ? (
        <Section title="Your drafts" description="Only you can see these. Share one with the practice when it is ready." templates={drafts} />
      ) : null}
      {own.length ? (
        <Section title="Your practice’s exercises" description="The practice library: every clinician of the practice can see and assign these." templates={own} />
      ) : null}
      {builtIn.length ? (
        <Section
          title="Built-in exercises"
          description="Ready to assign. To change one, duplicate it and edit your copy."
          templates={builtIn}
        />
      ) : null}
    </div>
  );
}

import Link from "next/link";
import type { TemplateListItem } from "@/lib/templates/list-templates";
import { KindBadge } from "./kind-badge";

export function TemplateCard({ template }: { template: TemplateListItem }) {
  return (
    <li className="flex flex-col rounded-xl border border-stone-200 bg-white p-4 shadow-sm" data-testid="template-card">
      <div className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
        <KindBadge kind={template.kind} />
        <span>{template.estimatedMinutes} min</span>
        <span aria-hidden="true">·</span>
        <span>
          {template.fieldCount} question{template.fieldCount === 1 ? "" : "s"}
        </span>
        {template.builtIn ? null : (
          <>
            <span aria-hidden="true">·</span>
            <span>version {template.version}</span>
          </>
        )}
      </div>
      <h3 className="mt-2 font-semibold text-stone-900">
        <Link href={`/library/${template.id}`} className="underline-offset-2 hover:underline">
          {template.title}
        </Link>
      </h3>
      <p className="mt-1 line-clamp-3 text-sm text-stone-600">{template.purpose}</p>
    </li>
  );
}

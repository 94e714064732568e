import type { ClientStatus } from "@/lib/generated/prisma/enums";
import { cn } from "@/components/ui/cn";

const styles: Record<ClientStatus, { label: string; className: string }> = {
  INVITED: { label: "Invited", className: "bg-amber-50 text-amber-900 ring-amber-200" },
  ACTIVE: { label: "Active", className: "bg-brand-50 text-brand-900 ring-brand-200" },
  ARCHIVED: { label: "Archived", className: "bg-stone-100 text-stone-700 ring-stone-200" },
};

export function StatusBadge({ status, note }: { status: ClientStatus; note?: string }) {
  const style = styles[status];
  return (
    <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1", style.className)}>
      {style.label}
      {note ? <span className="ml-1 font-normal">· {note}</span> : null}
    </span>
  );
}

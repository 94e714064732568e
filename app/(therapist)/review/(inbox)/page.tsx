import type { Metadata } from "next";
import Link from "next/link";
import { BulkReviewForm } from "@/components/review/bulk-review-form";
import { InboxTable } from "@/components/review/inbox-table";
import { SafetyFlagList } from "@/components/review/safety-flag-list";
import { SelectField } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { requireStaff, TREATING_ROLES } from "@/lib/practice/access";
import { listClients } from "@/lib/clients/list-clients";
import { therapistScope } from "@/lib/clients/scope";
import { listInbox } from "@/lib/review/list-inbox";
import { countUnreadReplies } from "@/lib/replies/list-replies";
import { listOpenSafetyFlags, toFlagProps } from "@/lib/safety/list-open-flags";
import { listTemplates } from "@/lib/templates/list-templates";

export const metadata: Metadata = { title: "Review" };

const BULK_FORM = "bulk-review";

export default async function ReviewPage({ searchParams }: PageProps<"/review">) {
  const therapist = await requireStaff(TREATING_ROLES);
  const scope = therapistScope(therapist);
  const params = await searchParams;
  const clientId = typeof params.client === "string" && params.client ? params.client : undefined;
  const templateId = typeof params.exercise === "string" && params.exercise ? params.exercise : undefined;
  const show = params.show === "all" ? "all" : params.show === "replies" ? "replies" : "new";
  const [items, clients, templates, flags, unreadReplies] = await Promise.all([
    listInbox(scope, { clientId, templateId, show }),
    listClients(scope, { includeArchived: true }),
    listTemplates(scope),
    listOpenSafetyFlags(scope),
    countUnreadReplies(scope),
  ]);

  const newCount = items.filter((item) => !item.reviewed).length;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Review</h1>
      <SafetyFlagList flags={toFlagProps(flags, therapist.timeZone)} />
      {unreadReplies > 0 && show !== "replies" ? (
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-amber-950" data-testid="unread-replies">
          {unreadReplies === 1 ? "A client replied to your feedback." : `Clients sent ${unreadReplies} replies to your feedback.`}{" "}
          <Link href="/review?show=replies" className="font-semibold underline underline-offset-2">
            Show entries with new replies
          </Link>
        </p>
      ) : null}
      <form method="get" className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end">
        <SelectField label="Client" name="client" defaultValue={clientId ?? ""}>
          <option value="">All clients</option>
          {clients.map((client) => (
            <option key={client.id} value={client.id}>
              {client.displayName}
            </option>
          ))}
        </SelectField>
        <SelectField label="Exercise" name="exercise" defaultValue={templateId ?? ""}>
          <option value="">All exercises</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.title}
            </option>
          ))}
        </SelectField>
        <SelectField label="Show" name="show" defaultValue={show}>
          <option value="new">Not yet reviewed</option>
          <option value="replies">With new replies</option>
          <option value="all">Everything</option>
        </SelectField>
        <div className="flex gap-2 pb-6">
          <button type="submit" className={buttonClasses("secondary")}>
            Filter
          </button>
          <Link href="/review" className={buttonClasses("ghost")}>
            Clear
          </Link>
        </div>
      </form>
      {/* Several at once: tick entries not yet reviewed, then one action (scoped to the caller's caseload in lib/review). */}
      {newCount > 0 ? <BulkReviewForm id={BULK_FORM} count={newCount} /> : null}
      <InboxTable items={items} viewerTimeZone={therapist.timeZone} selectForm={newCount > 0 ? BULK_FORM : undefined} />
    </div>
  );
}

import { AppHeader } from "@/components/layout/app-header";
import { requireTherapist } from "@/lib/auth/session";
import { therapistScope } from "@/lib/clients/scope";
import { canTreat } from "@/lib/practice/access";
import { countUnreviewed, unreviewedLabel } from "@/lib/review/list-inbox";

export default async function TherapistLayout({ children }: { children: React.ReactNode }) {
  const therapist = await requireTherapist();
  // A supervisor has no caseload of their own: they read their supervisees'
  // clients from the caseload, and never add, assign or review.
  const treats = canTreat(therapist);
  const unreviewed = treats ? await countUnreviewed(therapistScope(therapist)) : 0;
  return (
    <>
      <AppHeader
        home="/dashboard"
        person={therapist.name}
        nav={[
          { href: "/dashboard", label: "Caseload" },
          ...(treats
            ? [
                { href: "/clients", label: "Clients" },
                {
                  href: "/review",
                  label: "Review",
                  badge: unreviewed ? unreviewedLabel(unreviewed) : undefined,
                  badgeLabel: `${unreviewedLabel(unreviewed)} not yet reviewed`,
                },
              ]
            : []),
          { href: "/library", label: "Library" },
          ...(therapist.practiceRole === "OWNER" ? [{ href: "/outbox", label: "Outbox" }] : []),
          ...(therapist.practiceRole === "OWNER" ? [{ href: "/practice/members", label: "Practice" }] : []),
          { href: "/account", label: "Account" },
        ]}
      />
      <main className="mx-auto max-w-5xl px-4 py-6 sm:py-8">{children}</main>
    </>
  );
}

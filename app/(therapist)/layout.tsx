import { AppHeader } from "@/components/layout/app-header";
import { requireTherapist } from "@/lib/auth/session";
import { therapistScope } from "@/lib/clients/scope";
import { countUnreviewed, unreviewedLabel } from "@/lib/review/list-inbox";

export default async function TherapistLayout({ children }: { children: React.ReactNode }) {
  const therapist = await requireTherapist();
  const unreviewed = await countUnreviewed(therapistScope(therapist));
  return (
    <>
      <AppHeader
        home="/dashboard"
        person={therapist.name}
        nav={[
          { href: "/dashboard", label: "Caseload" },
          { href: "/clients", label: "Clients" },
          {
            href: "/review",
            label: "Review",
            badge: unreviewed ? unreviewedLabel(unreviewed) : undefined,
            badgeLabel: `${unreviewedLabel(unreviewed)} not yet reviewed`,
          },
          { href: "/library", label: "Library" },
          { href: "/outbox", label: "Outbox" },
          { href: "/account", label: "Account" },
        ]}
      />
      <main className="mx-auto max-w-5xl px-4 py-6 sm:py-8">{children}</main>
    </>
  );
}

import { AppHeader } from "@/components/layout/app-header";
import { requireClient } from "@/lib/auth/session";
import { linkedPartnerOf } from "@/lib/couples/linked-partner";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const client = await requireClient();
  // "Shared with you" only for a client linked with a partner.
  const partner = await linkedPartnerOf(client.clientId, client.practiceId);
  return (
    <>
      <AppHeader
        home="/portal"
        person={client.name}
        nav={[
          { href: "/portal", label: "Home" },
          { href: "/portal/progress", label: "My progress" },
          ...(partner ? [{ href: "/portal/shared", label: "Shared with you" }] : []),
          { href: "/portal/account", label: "Account" },
        ]}
      />
      <main className="mx-auto max-w-2xl px-4 py-6 sm:py-10">{children}</main>
    </>
  );
}

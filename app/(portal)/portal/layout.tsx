import { AppHeader } from "@/components/layout/app-header";
import { requireClient } from "@/lib/auth/session";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const client = await requireClient();
  return (
    <>
      <AppHeader
        home="/portal"
        person={client.name}
        nav={[
          { href: "/portal", label: "Home" },
          { href: "/portal/progress", label: "My progress" },
          { href: "/portal/account", label: "Account" },
        ]}
      />
      <main className="mx-auto max-w-2xl px-4 py-6 sm:py-10">{children}</main>
    </>
  );
}

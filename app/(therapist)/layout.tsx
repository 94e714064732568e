import { AppHeader } from "@/components/layout/app-header";
import { requireTherapist } from "@/lib/auth/session";

export default async function TherapistLayout({ children }: { children: React.ReactNode }) {
  const therapist = await requireTherapist();
  return (
    <>
      <AppHeader
        home="/clients"
        person={therapist.name}
        nav={[
          { href: "/clients", label: "Clients" },
          { href: "/account", label: "Account" },
        ]}
      />
      <main className="mx-auto max-w-5xl px-4 py-6 sm:py-8">{children}</main>
    </>
  );
}

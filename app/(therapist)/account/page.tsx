import type { Metadata } from "next";
import { AccountPage } from "@/components/auth/account-page";
import { requireTherapist } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account" };

export default async function TherapistAccountPage({ searchParams }: PageProps<"/account">) {
  const [identity, params] = await Promise.all([requireTherapist(), searchParams]);
  return <AccountPage identity={identity} changed={params.changed === "1"} />;
}

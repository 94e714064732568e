import type { Metadata } from "next";
import { AccountPage } from "@/components/auth/account-page";
import { requireClient } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account" };

export default async function ClientAccountPage({ searchParams }: PageProps<"/portal/account">) {
  const [identity, params] = await Promise.all([requireClient(), searchParams]);
  return <AccountPage identity={identity} changed={params.changed === "1"} />;
}

import { redirect } from "next/navigation";
import { getIdentity, homePathFor } from "@/lib/auth/session";

export default async function Home() {
  const identity = await getIdentity();
  redirect(identity ? homePathFor(identity) : "/sign-in");
}

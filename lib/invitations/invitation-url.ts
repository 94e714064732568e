import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { invitationLink } from "./invitation-link";

export { invitationLink };

export async function invitationUrl(token: string): Promise<string> {
  const { APP_URL } = getEnv();
  return invitationLink(token, { appUrl: APP_URL, host: APP_URL ? null : (await headers()).get("host") });
}

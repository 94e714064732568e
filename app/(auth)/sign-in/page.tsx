import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

const notices: Record<string, string> = {
  "signed-out": "Your session has ended. Please sign in again.",
  "password-changed": "Your password was changed. Please sign in with the new one.",
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const reason = typeof params.reason === "string" ? notices[params.reason] : undefined;
  return (
    <Card>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-stone-600">Therapists and clients sign in here.</p>
      <div className="mt-5 space-y-4">
        {reason ? <FormAlert tone="success" message={reason} /> : null}
        <SignInForm next={safeRedirectPath(params.next)} />
      </div>
      <p className="mt-6 text-sm text-stone-600">
        New therapist?{" "}
        <Link href="/sign-up" className="font-semibold text-brand-700 underline underline-offset-2">
          Create your practice
        </Link>
        . Clients join through the link their therapist sends.
      </p>
    </Card>
  );
}

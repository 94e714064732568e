import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <Card>
      <h1 className="text-xl font-semibold">Forgot your password?</h1>
      <p className="mt-1 text-sm text-stone-600">
        Enter the e-mail address you sign in with. We’ll send you a link to choose a new password.
      </p>
      <div className="mt-5">
        <ForgotPasswordForm />
      </div>
      <p className="mt-6 text-sm text-stone-600">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </Card>
  );
}

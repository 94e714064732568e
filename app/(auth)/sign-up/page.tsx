import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Create your practice" };

export default function SignUpPage() {
  return (
    <Card>
      <h1 className="text-xl font-semibold">Create your practice</h1>
      <p className="mt-1 text-sm text-stone-600">For therapists. Your clients will join through invitations you send them.</p>
      <div className="mt-5">
        <SignUpForm />
      </div>
      <p className="mt-6 text-sm text-stone-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </Card>
  );
}

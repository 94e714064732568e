import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">We couldn’t find that page</h1>
      <p className="mt-3 text-stone-600">It may have been moved, or you may not have access to it.</p>
      <Link href="/" className={buttonClasses("secondary", "mt-6")}>
        Go to my home page
      </Link>
    </main>
  );
}

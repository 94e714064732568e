import { Logo } from "@/components/layout/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col px-4 py-10 sm:py-16">
      <div className="mb-8 text-center text-2xl">
        <Logo />
      </div>
      {children}
    </main>
  );
}

import { cn } from "./cn";

export function Card({ className, children }: { className?: string; children: React.ReactNode }) {
  return <section className={cn("rounded-xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6", className)}>{children}</section>;
}

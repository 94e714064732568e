export function CrisisPanel({ text }: { text: string }) {
  return (
    <section role="alert" aria-labelledby="crisis-title" data-testid="crisis-resources" className="rounded-xl border-2 border-red-300 bg-red-50 p-4 text-red-950">
      <h2 id="crisis-title" className="text-lg font-semibold">
        Your safety comes first
      </h2>
      <div className="mt-2 space-y-2 whitespace-pre-line text-base leading-relaxed">{text}</div>
    </section>
  );
}

import { Button } from "@/components/ui/button";

export function ConflictBanner({ updatedAt, onChoose }: { updatedAt: string; onChoose: (choice: "theirs" | "mine") => void }) {
  const when = new Date(updatedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return (
    <div role="alert" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">This entry was changed in another tab or on another device at {when}.</p>
      <p className="mt-1 text-sm">
        The text on this screen is older than the saved one. Choose which to keep. Nothing is overwritten until you choose.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => onChoose("theirs")}>
          Show the newer saved version
        </Button>
        <Button variant="secondary" onClick={() => onChoose("mine")}>
          Keep what is on this screen
        </Button>
      </div>
    </div>
  );
}

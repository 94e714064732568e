/** Shown to an owner or supervisor reading a client who is someone else's. */
export function ReadOnlyNotice({ clinicianName }: { clinicianName: string }) {
  return (
    <p className="mt-3 rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 text-sm text-stone-700" data-testid="read-only-notice">
      {clinicianName} is this client’s clinician. You are reading their record; your visit is recorded in its access
      history, and only {clinicianName} can change anything here.
    </p>
  );
}

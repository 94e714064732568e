import { requireOwnerPage } from "@/lib/practice/require-owner";

// The owner's page: anyone else gets a real 404, decided here before anything streams.
export default async function OwnerSegment({ children }: { children: React.ReactNode }) {
  await requireOwnerPage();
  return children;
}

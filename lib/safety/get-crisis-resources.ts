import "server-only";
import { db } from "@/lib/db";
import { crisisResourcesText } from "./crisis-resources";

export async function getCrisisResources(practiceId: string): Promise<string> {
  const practice = await db.practice.findUnique({ where: { id: practiceId }, select: { crisisResources: true } });
  return crisisResourcesText(practice?.crisisResources);
}

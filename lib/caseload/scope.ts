import type { TherapistScope } from "@/lib/clients/scope";

/**
 * Whose clients a caseload covers: one clinician's (their own dashboard), or
 * several (an owner's or supervisor's view of the practice, from
 * lib/practice/access readableClinicianIds). Every loader filters by both
 * the practice and these ids.
 */
export type CaseloadScope = { practiceId: string; therapistIds: readonly string[] };

export function toCaseloadScope(scope: TherapistScope | CaseloadScope): CaseloadScope {
  return "therapistIds" in scope ? scope : { practiceId: scope.practiceId, therapistIds: [scope.therapistId] };
}

"use client";

import Link from "next/link";
import { useActionState } from "react";
import { linkPartnerAction, unlinkPartnerAction } from "@/lib/clients/actions";
import { SelectField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldError, formError, typedValue } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";

type Option = { id: string; displayName: string };

/** Link this client with a partner for couples work, or remove the link. */
export function PartnerForm({ clientId, partner, candidates }: { clientId: string; partner: Option | null; candidates: Option[] }) {
  const [linkState, link] = useActionState(linkPartnerAction, null);
  const [unlinkState, unlink] = useActionState(unlinkPartnerAction, null);

  if (partner) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-stone-700">
          Partner: <Link href={`/clients/${partner.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{partner.displayName}</Link>.
          You can compare their weekly check-ins on the progress page; neither partner sees the other’s answers.
        </p>
        <FormAlert tone="success" message={linkState?.ok ? linkState.message : undefined} />
        <form action={unlink}>
          <input type="hidden" name="clientId" value={clientId} />
          <SubmitButton variant="secondary" pendingLabel="Removing…">
            Remove partner link
          </SubmitButton>
        </form>
        <FormAlert message={formError(unlinkState)} />
      </div>
    );
  }

  return (
    <form action={link} className="space-y-3">
      <FormAlert tone="success" message={unlinkState?.ok ? unlinkState.message : undefined} />
      <input type="hidden" name="clientId" value={clientId} />
      {candidates.length === 0 ? (
        <p className="text-sm text-stone-600">To link partners, add the other partner as a client first. Clients already linked with someone are not listed.</p>
      ) : (
        <>
          <SelectField
            label="Partner (couples therapy)"
            name="partnerClientId"
            hint="Lets you see both partners’ check-ins side by side. Each partner still only sees their own answers."
            defaultValue={typedValue(linkState, "partnerClientId") ?? ""}
            error={fieldError(linkState, "partnerClientId")}
            required
          >
            <option value="" disabled>
              Choose a client…
            </option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.displayName}
              </option>
            ))}
          </SelectField>
          <FormAlert message={linkState && !linkState.ok && !fieldError(linkState, "partnerClientId") ? linkState.message : undefined} />
          <SubmitButton variant="secondary" pendingLabel="Linking…">
            Link as partners
          </SubmitButton>
        </>
      )}
    </form>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { InviteMemberForm } from "@/components/practice/invite-member-form";
import { DeactivateMemberForm, InvitationButtons, SuperviseesForm } from "@/components/practice/member-forms";
import { PracticeNav } from "@/components/practice/practice-nav";
import { Card } from "@/components/ui/card";
import { MomentText } from "@/components/dates/date-text";
import { formatDay, formatMomentWithTime } from "@/lib/dates/display";
import { listMembers, type Member } from "@/lib/practice/members/list-members";
import { ownerScope } from "@/lib/practice/members/owner";
import { requireOwnerPage } from "@/lib/practice/require-owner";

export const metadata: Metadata = { title: "Members" };

const roleLabels = { OWNER: "Owner", CLINICIAN: "Clinician", SUPERVISOR: "Supervisor" } as const;

export default async function MembersPage() {
  const owner = await requireOwnerPage();
  const { members, invitations } = await listMembers(ownerScope(owner));
  const active = members.filter((member) => !member.deactivatedAt);
  const clinicians = active.filter((member) => member.practiceRole !== "SUPERVISOR").map(({ id, name }) => ({ id, name }));
  const names = new Map(members.map((member) => [member.id, member.name]));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Practice</h1>
        <PracticeNav current="members" />
      </div>

      <Card>
        <h2 className="text-lg font-semibold">Members</h2>
        <ul className="mt-4 divide-y divide-stone-200">
          {members.map((member) => (
            <li key={member.id} className="space-y-3 py-4 first:pt-0 last:pb-0">
              <MemberSummary member={member} isSelf={member.id === owner.userId} supervisees={member.superviseeIds.map((id) => names.get(id) ?? "")} />
              {!member.deactivatedAt && member.practiceRole === "SUPERVISOR" ? (
                <SuperviseesForm supervisorId={member.id} supervisorName={member.name} clinicians={clinicians} selected={member.superviseeIds} />
              ) : null}
              {!member.deactivatedAt && member.id !== owner.userId ? (
                <DeactivateMemberForm memberId={member.id} memberName={member.name} clientCount={member.activeClientCount} />
              ) : null}
            </li>
          ))}
        </ul>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">Invite a colleague</h2>
        <p className="mt-1 text-sm text-stone-600">
          They get an e-mail with a link to choose their password and join. The link works once, for 7 days.
        </p>
        <div className="mt-4">
          <InviteMemberForm />
        </div>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">Open invitations</h2>
        {invitations.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">None.</p>
        ) : (
          <ul className="mt-4 divide-y divide-stone-200">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="space-y-2 py-4 first:pt-0 last:pb-0">
                <p className="font-medium text-stone-900">
                  {invitation.name} <span className="font-normal text-stone-600">· {roleLabels[invitation.practiceRole]}</span>
                </p>
                <p className="text-sm break-all text-stone-600">{invitation.email}</p>
                <p className="text-sm text-stone-600">
                  {invitation.expired
                    ? `The link expired ${formatDay(invitation.expiresAt, { timeZone: owner.timeZone })}: re-send to make a new one.`
                    : `Sent ${formatDay(invitation.createdAt, { timeZone: owner.timeZone })}; the link works until ${formatMomentWithTime(invitation.expiresAt, { timeZone: owner.timeZone, relative: false })}.`}
                </p>
                <InvitationButtons invitationId={invitation.id} email={invitation.email} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <p className="text-sm text-stone-600">
        To give a client to another clinician, open the client&rsquo;s page and choose &ldquo;Hand over&rdquo;.{" "}
        <Link href="/clients" className="font-semibold text-brand-700 underline underline-offset-2">
          Clients
        </Link>
      </p>
    </div>
  );

  function MemberSummary({ member, isSelf, supervisees }: { member: Member; isSelf: boolean; supervisees: string[] }) {
    return (
      <div className="space-y-1">
        <p className="font-medium text-stone-900">
          {member.name}
          {isSelf ? <span className="font-normal text-stone-600"> (you)</span> : null}{" "}
          <span className="font-normal text-stone-600">· {roleLabels[member.practiceRole]}</span>
          {member.deactivatedAt ? <span className="ml-2 rounded-full bg-stone-200 px-2 py-0.5 text-xs text-stone-700">Deactivated</span> : null}
        </p>
        <p className="text-sm break-all text-stone-600">{member.email}</p>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm text-stone-700 sm:grid-cols-3">
          <div>
            <dt className="inline text-stone-600">Two-step sign-in: </dt>
            <dd className="inline">{member.twoFactor ? "on" : "off"}</dd>
          </div>
          <div>
            <dt className="inline text-stone-600">Last active: </dt>
            <dd className="inline">{member.lastActiveAt ? <MomentText value={member.lastActiveAt} view={{ timeZone: owner.timeZone }} withTime /> : "never signed in"}</dd>
          </div>
          {member.practiceRole === "SUPERVISOR" ? (
            <div>
              <dt className="inline text-stone-600">Supervises: </dt>
              <dd className="inline">{supervisees.length ? supervisees.join(", ") : "nobody yet"}</dd>
            </div>
          ) : (
            <div>
              <dt className="inline text-stone-600">Clients: </dt>
              <dd className="inline">{member.activeClientCount}</dd>
            </div>
          )}
        </dl>
      </div>
    );
  }
}

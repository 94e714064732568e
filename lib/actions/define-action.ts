import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import {
  getIdentity,
  requireClient,
  requireTherapist,
  type ClientIdentity,
  type Identity,
  type PracticeRole,
  type TherapistIdentity,
} from "@/lib/auth/session";
import { therapistScope, type TherapistScope } from "@/lib/clients/scope";
import { canTreat, readOnlyRefusal, roleRefusal } from "@/lib/practice/access";
import { failureFrom, formValues, validationFailure, type ActionResult } from "./result";

// The one path every Server Action takes: check the arguments' shape, require
// the role, parse with zod, call the data function, map expected failures,
// revalidate. Anyone can post any arguments to an action id, so a form action
// must not trust that its argument is a FormData (a `[]` body would otherwise
// end in a TypeError and a 500).

export const UNREADABLE_MESSAGE = "That request could not be read.";

type Failure = ActionResult<never>;

export const unreadableRequest = (): Failure => ({ ok: false, message: UNREADABLE_MESSAGE, fieldErrors: {} });

export type TherapistContext = { identity: TherapistIdentity; scope: TherapistScope };
export type ClientContext = { identity: ClientIdentity };
export type SignedInContext = { identity: Identity };
export type PublicContext = Record<never, never>;

/** What a form handler gets besides its caller: the form itself and the values echoed on failure. */
export type FormContext = { formData: FormData; values?: Record<string, string> };

type Resolve<C> = () => Promise<C>;

// The role checks keep lib/auth/session.ts' behaviour: signed-out callers go
// to the sign-in page, the other role to its own home, and a therapist whose
// practice requires two-step sign-in to enrolment first.
// A therapist action changes something clinical, which supervisors never do
// (they read and write supervision notes through staffAction).
const asTherapist: Resolve<TherapistContext> = async () => {
  const identity = await requireTherapist();
  if (!canTreat(identity)) throw readOnlyRefusal();
  return { identity, scope: therapistScope(identity) };
};
const asStaff =
  (roles: readonly PracticeRole[]): Resolve<TherapistContext> =>
  async () => {
    const identity = await requireTherapist();
    if (!roles.includes(identity.practiceRole)) throw roleRefusal();
    return { identity, scope: therapistScope(identity) };
  };
const asClient: Resolve<ClientContext> = async () => ({ identity: await requireClient() });
const asSignedIn: Resolve<SignedInContext> = async () => {
  const identity = await getIdentity();
  if (!identity) redirect("/sign-in?reason=signed-out");
  return { identity };
};
const asAnyone: Resolve<PublicContext> = async () => ({});

export type Revalidate = string | readonly [path: string, type: "layout" | "page"];

export type FormActionOptions<R> = {
  /** Echo what was typed on failure (so the form keeps it); `omit` lists fields never echoed, such as passwords. */
  echo?: boolean | { omit: string[] };
  /** What the schema reads; Object.fromEntries(formData) unless said otherwise. */
  input?: (formData: FormData) => unknown;
  /** The answer to input the schema refuses; validationFailure unless said otherwise. */
  invalid?: (error: z.ZodError, values?: Record<string, string>) => NoInfer<R> | Failure;
  /** Paths to revalidate after the handler succeeded (returned ok, or nothing). */
  revalidate?: readonly Revalidate[];
};

/** A zod schema, or anything that parses the same way (e.g. with its own error map). */
export type Parser<T> = { safeParse: (input: unknown) => { success: true; data: T } | { success: false; error: z.ZodError } };

type FormHandler<C, T, R> = (context: C & FormContext, data: T) => Promise<R>;

function revalidateAll(paths: readonly Revalidate[] = []) {
  for (const path of paths) {
    if (typeof path === "string") revalidatePath(path);
    else revalidatePath(path[0], path[1]);
  }
}

function succeeded(result: unknown): boolean {
  return result === undefined || (typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === true);
}

function formAction<C, T, R>(resolve: Resolve<C>, schema: Parser<T>, handler: FormHandler<C, T, R>, options: FormActionOptions<R> = {}) {
  return async (formData: unknown): Promise<R | Failure> => {
    if (!(formData instanceof FormData)) return unreadableRequest();
    const echo = options.echo ?? false;
    const values = echo ? formValues(formData, echo === true ? [] : echo.omit) : undefined;
    let caller: C;
    try {
      caller = await resolve();
    } catch (error) {
      // A sign-in redirect propagates; a refused role becomes the result.
      return failureFrom(error, values);
    }
    const parsed = schema.safeParse(options.input ? options.input(formData) : Object.fromEntries(formData));
    if (!parsed.success) return options.invalid ? options.invalid(parsed.error, values) : validationFailure(parsed.error, values);
    let result: R;
    try {
      result = await handler({ ...caller, formData, values }, parsed.data);
    } catch (error) {
      // Next's redirect and notFound propagate; an AppError becomes the result; anything else is a real fault.
      return failureFrom(error, values);
    }
    if (succeeded(result)) revalidateAll(options.revalidate);
    return result;
  };
}

/** A form action for the signed-in therapist; the handler gets their scope. */
export const therapistAction = <T, R>(schema: Parser<T>, handler: FormHandler<TherapistContext, T, R>, options?: FormActionOptions<R>) =>
  formAction(asTherapist, schema, handler, options);

/**
 * A form action for members of staff with one of `roles` (e.g. ["OWNER"] for
 * managing members, ["SUPERVISOR"] for supervision notes). The data function
 * must still check the role in its own query.
 */
export const staffAction = <T, R>(
  roles: readonly PracticeRole[],
  schema: Parser<T>,
  handler: FormHandler<TherapistContext, T, R>,
  options?: FormActionOptions<R>,
) => formAction(asStaff(roles), schema, handler, options);

/** A form action for the signed-in client. */
export const clientAction = <T, R>(schema: Parser<T>, handler: FormHandler<ClientContext, T, R>, options?: FormActionOptions<R>) =>
  formAction(asClient, schema, handler, options);

/**
 * A form action for anyone signed in, whatever their role (their own
 * account: password, sessions, two-step sign-in). Deliberately not
 * requireTherapist: a therapist whose practice requires two-step sign-in must
 * be able to set it up before anything else.
 */
export const signedInAction = <T, R>(schema: Parser<T>, handler: FormHandler<SignedInContext, T, R>, options?: FormActionOptions<R>) =>
  formAction(asSignedIn, schema, handler, options);

/** A form action for signed-out visitors (sign-in, sign-up, invitations, recovery). */
export const publicAction = <T, R>(schema: Parser<T>, handler: FormHandler<PublicContext, T, R>, options?: FormActionOptions<R>) =>
  formAction(asAnyone, schema, handler, options);

type Command<C, R> = (context: C) => Promise<R>;

function command<C, R>(resolve: Resolve<C>, handler: Command<C, R>, revalidate?: readonly Revalidate[]) {
  return async (): Promise<R | Failure> => {
    let result: R;
    try {
      result = await handler(await resolve());
    } catch (error) {
      return failureFrom(error);
    }
    if (succeeded(result)) revalidateAll(revalidate);
    return result;
  };
}

/** An action without input (a button) for anyone signed in; whatever is posted is ignored. */
export const signedInCommand = <R>(handler: Command<SignedInContext, R>, revalidate?: readonly Revalidate[]) => command(asSignedIn, handler, revalidate);

/** An action without input that anyone may call (sign-out); whatever is posted is ignored. */
export const publicCommand = <R>(handler: Command<PublicContext, R>) => command(asAnyone, handler);

/**
 * A public action called with plain values rather than a form (the entry
 * page's "sign in again"): the schema is the shape check, and `invalid`
 * answers anything else.
 */
export function publicValueAction<T, R>(
  schema: Parser<T>,
  handler: (context: PublicContext, data: T) => Promise<R>,
  invalid: (error: z.ZodError) => NoInfer<R>,
) {
  return async (input: unknown): Promise<R> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return handler({}, parsed.data);
  };
}

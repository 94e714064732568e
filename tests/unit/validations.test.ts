import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { acceptInvitationSchema, changePasswordSchema, signInSchema, signUpSchema } from "@/lib/validations/auth";
import { addClientSchema, clientIdSchema } from "@/lib/validations/clients";
import { resetPasswordSchema } from "@/lib/validations/recovery";

type Schema = { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } };

/** Field → messages, the shape forms show next to each field. */
function errors(schema: Schema, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  const byField: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (byField[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return byField;
}

const PASSWORD = "twelve chars!";
const signUp = {
  name: "Dr Ada Example",
  practiceName: "Example Practice",
  email: "ada@example.com",
  password: PASSWORD,
  timeZone: "Europe/London",
};

describe("signUpSchema", () => {
  it("accepts a complete sign-up, trimming names and lower-casing the email", () => {
    const parsed = signUpSchema.parse({ ...signUp, name: "  Dr Ada  ", email: "  Ada@Example.COM " });

    expect(parsed).toEqual({ ...signUp, name: "Dr Ada", email: "ada@example.com" });
  });

  it("asks for at least 12 characters in a password, and accepts exactly 12", () => {
    expect(errors(signUpSchema, { ...signUp, password: "elevenchars" })).toEqual({
      password: ["Use at least 12 characters."],
    });
    expect(signUpSchema.safeParse({ ...signUp, password: "owl-tea-park" }).success).toBe(true);
    expect(errors(signUpSchema, { ...signUp, password: "x".repeat(201) })).toEqual({
      password: ["Use at most 200 characters."],
    });
  });

  it("refuses a common or guessable password, saying why", () => {
    for (const password of ["password1234", "x".repeat(12), "qwertyuiop12", "123456789012", "iloveyou2026"]) {
      const messages = errors(signUpSchema, { ...signUp, password }).password ?? [];
      expect(messages, password).toHaveLength(1);
      expect(messages[0], password).toMatch(/^This password is too easy to guess\./);
    }
    expect(errors(signUpSchema, { ...signUp, password: "password1234" }).password?.[0]).toContain("commonly used password");
  });

  it("explains a malformed or missing email", () => {
    expect(errors(signUpSchema, { ...signUp, email: "ada@" })).toEqual({
      email: ["Enter a valid email address, like name@example.com."],
    });
    expect(errors(signUpSchema, { ...signUp, email: "   " })).toEqual({ email: ["Enter an email address."] });
    expect(errors(signUpSchema, { ...signUp, email: undefined })).toEqual({ email: ["Enter an email address."] });
  });

  it("refuses a time zone the runtime does not know, but accepts UTC", () => {
    expect(errors(signUpSchema, { ...signUp, timeZone: "Mars/Olympus_Mons" })).toEqual({
      timeZone: ["Choose a time zone from the list."],
    });
    expect(signUpSchema.safeParse({ ...signUp, timeZone: "UTC" }).success).toBe(true);
  });

  it("reports every missing field at once", () => {
    expect(Object.keys(errors(signUpSchema, {})).sort()).toEqual(["email", "name", "password", "practiceName", "timeZone"]);
    expect(errors(signUpSchema, { ...signUp, name: " ", practiceName: "" })).toEqual({
      name: ["Enter a name."],
      practiceName: ["Enter your practice's name."],
    });
  });
});

describe("signInSchema", () => {
  it("needs a password but does not apply the new-password length rule", () => {
    expect(signInSchema.safeParse({ email: "a@example.com", password: "short" }).success).toBe(true);
    expect(errors(signInSchema, { email: "a@example.com", password: "" })).toEqual({ password: ["Enter your password."] });
  });
});

describe("addClientSchema", () => {
  it("accepts a client and lower-cases their email", () => {
    expect(addClientSchema.parse({ displayName: " Sam ", email: "SAM@Example.com", timeZone: "Asia/Tokyo" })).toEqual({
      displayName: "Sam",
      email: "sam@example.com",
      timeZone: "Asia/Tokyo",
    });
  });

  it("explains each bad field", () => {
    expect(errors(addClientSchema, { displayName: "x".repeat(101), email: "sam", timeZone: "Nowhere/City" })).toEqual({
      displayName: ["Use at most 100 characters."],
      email: ["Enter a valid email address, like name@example.com."],
      timeZone: ["Choose a time zone from the list."],
    });
  });

  it("bounds a client id", () => {
    expect(clientIdSchema.safeParse({ clientId: "" }).success).toBe(false);
    expect(clientIdSchema.safeParse({ clientId: "x".repeat(65) }).success).toBe(false);
    expect(clientIdSchema.safeParse({ clientId: "cmabc123" }).success).toBe(true);
  });
});

describe("acceptInvitationSchema", () => {
  const accept = { token: "a-token", password: PASSWORD, confirmPassword: PASSWORD };

  it("accepts matching passwords", () => {
    expect(acceptInvitationSchema.safeParse(accept).success).toBe(true);
  });

  it("puts a mismatched confirmation on the confirmation field", () => {
    expect(errors(acceptInvitationSchema, { ...accept, confirmPassword: `${PASSWORD}?` })).toEqual({
      confirmPassword: ["The two passwords do not match."],
    });
  });

  it("asks for a long enough password and for the confirmation", () => {
    expect(errors(acceptInvitationSchema, { ...accept, password: "short" })).toMatchObject({
      password: ["Use at least 12 characters."],
    });
    expect(errors(acceptInvitationSchema, { token: "a-token", password: PASSWORD })).toEqual({
      confirmPassword: ["Type the password again."],
    });
  });

  it("flags a short password and a mismatched confirmation at the same time", () => {
    expect(errors(acceptInvitationSchema, { ...accept, password: "short", confirmPassword: "different" })).toEqual({
      password: ["Use at least 12 characters."],
      confirmPassword: ["The two passwords do not match."],
    });
    expect(errors(resetPasswordSchema, { token: "t", password: "short", confirmPassword: "different" })).toMatchObject({
      confirmPassword: ["The two passwords do not match."],
    });
  });

  it("refuses a missing or oversized token", () => {
    expect(acceptInvitationSchema.safeParse({ ...accept, token: "" }).success).toBe(false);
    expect(acceptInvitationSchema.safeParse({ ...accept, token: "t".repeat(201) }).success).toBe(false);
  });
});

describe("changePasswordSchema", () => {
  const change = { currentPassword: "old password 1", newPassword: PASSWORD, confirmPassword: PASSWORD };

  it("accepts a new, confirmed password", () => {
    expect(changePasswordSchema.safeParse(change).success).toBe(true);
  });

  it("requires the current password", () => {
    expect(errors(changePasswordSchema, { ...change, currentPassword: "" })).toEqual({
      currentPassword: ["Enter your current password."],
    });
  });

  it("applies the length rule to the new password", () => {
    expect(errors(changePasswordSchema, { ...change, newPassword: "short", confirmPassword: "short" })).toEqual({
      newPassword: ["Use at least 12 characters."],
    });
  });

  it("puts a mismatched confirmation on the confirmation field", () => {
    expect(errors(changePasswordSchema, { ...change, confirmPassword: "something else!" })).toEqual({
      confirmPassword: ["The two passwords do not match."],
    });
  });

  it("refuses a new password equal to the current one", () => {
    expect(
      errors(changePasswordSchema, { currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD }),
    ).toEqual({ newPassword: ["Choose a password different from your current one."] });
  });
});

describe("safeRedirectPath", () => {
  it("keeps a same-site path, query and all", () => {
    expect(safeRedirectPath("/portal")).toBe("/portal");
    expect(safeRedirectPath("/clients/abc?tab=notes#top")).toBe("/clients/abc?tab=notes#top");
  });

  it("refuses anything that could leave the site", () => {
    for (const value of ["//evil.com", "https://x", "http://evil.com/portal", "/\\evil.com", "javascript:alert(1)", "portal", ""]) {
      expect(safeRedirectPath(value), value).toBe("/");
    }
  });

  it("falls back for a non-string and uses the given fallback", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined, "/clients")).toBe("/clients");
    expect(safeRedirectPath(["/portal"], "/clients")).toBe("/clients");
    expect(safeRedirectPath("//evil.com", "/portal")).toBe("/portal");
  });
});

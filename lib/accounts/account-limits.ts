import type { RateLimit } from "@/lib/auth/rate-limit";

const HOUR = 60 * 60;

// Per caller address: refused with a clear message once used up.
export const signUpAddressLimit: RateLimit = { prefix: "signup-ip", limit: 10, windowSeconds: HOUR };
export const invitationAddressLimit: RateLimit = { prefix: "invite-accept-ip", limit: 10, windowSeconds: HOUR };
export const resetAddressLimit: RateLimit = { prefix: "reset-ip", limit: 10, windowSeconds: HOUR };
export const confirmAddressLimit: RateLimit = { prefix: "confirm-ip", limit: 20, windowSeconds: 15 * 60 };

// Per e-mail address: past these, the same answer is given but no further
// message is sent, so nobody can flood a mailbox and nothing is revealed.
export const signUpEmailLimit: RateLimit = { prefix: "signup-email", limit: 3, windowSeconds: HOUR };
export const invitationEmailLimit: RateLimit = { prefix: "invite-accept-email", limit: 5, windowSeconds: HOUR };
export const resetEmailLimit: RateLimit = { prefix: "reset-email", limit: 3, windowSeconds: HOUR };

export const TOO_MANY_SIGN_UPS = "Too many sign-up attempts from your network. Please wait an hour and try again.";
export const TOO_MANY_RESETS = "Too many requests from your network. Please wait an hour and try again.";
export const TOO_MANY_CONFIRMS = "Too many attempts. Please wait 15 minutes and try again.";

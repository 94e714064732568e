import { hashInvitationToken, newInvitationToken } from "@/lib/invitations/tokens";

// Confirmation and reset links use the same kind of token as invitations:
// 256 random bits in the link, only their SHA-256 in the database.
export const newLinkToken = newInvitationToken;
export const hashLinkToken = hashInvitationToken;

export const ACCOUNT_REQUEST_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_LIFETIME_MS = 30 * 60 * 1000;

// The one answer to a sign-up, an invitation acceptance or a reset request,
// whatever happened behind it: nobody learns from it whether an address has
// an account.
export const CHECK_EMAIL =
  "Check your e-mail to continue. We’ve sent a message with a link to the address you gave; the link works for 24 hours.";

export const RESET_REQUESTED =
  "If an account exists for that address, we’ve sent a link to reset the password. It works for 30 minutes.";

export const PASSWORD_RESET_DONE = "Your password has been changed, and you’ve been signed out everywhere.";

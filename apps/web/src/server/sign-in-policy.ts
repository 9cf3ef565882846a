/** Where a refused sign-in goes: the sign-in page shows the matching message. */
export const UNVERIFIED_EMAIL_REDIRECT = "/sign-in?error=EmailUnverified";

/**
 * Auth.js's signIn callback. Invitations and existing accounts are matched by email, so a
 * provider that says the address is not verified (an OIDC `email_verified: false` claim;
 * some providers send it as a string) would let anyone who can type a colleague's address
 * into their IdP profile take over that colleague's invitations. Such sign-ins are refused.
 * A provider that sends no claim at all (GitHub; some enterprise IdPs verify every address
 * they hold) is trusted to send only addresses it owns.
 */
export function signInAllowed({ profile }: { profile?: Record<string, unknown> | null }): true | string {
  const verified = profile?.email_verified;
  if (verified === false || verified === "false") return UNVERIFIED_EMAIL_REDIRECT;
  return true;
}

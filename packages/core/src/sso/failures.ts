/**
 * An admin-readable sentence for a failed OIDC sign-in, from the error Auth.js (oauth4webapi)
 * raised. The raw message is kept after the sentence for support.
 */
export function describeSsoFailure(error: unknown, redirectUri: string): string {
  const messages: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 6; depth++) {
    const m = (e as { message?: unknown }).message;
    if (typeof m === "string") messages.push(m);
    e = (e as { cause?: unknown }).cause;
  }
  const raw = messages.join(" / ");
  const text = raw.toLowerCase();
  const say = (sentence: string) => `${sentence} (${raw || "no detail"})`;
  if (text.includes('"iss"') || text.includes("issuer")) {
    return say("Wrong issuer: the IdP's tokens name a different issuer than the one configured.");
  }
  if (
    text.includes('"iat"') ||
    text.includes('"exp"') ||
    text.includes('"nbf"') ||
    text.includes("clock") ||
    text.includes("timestamp")
  ) {
    return say("The ID token is expired or not yet valid: check the clocks of the IdP and this server (clock skew).");
  }
  if (text.includes("redirect_uri") || text.includes("redirect uri")) {
    return say(`Redirect URI mismatch: register ${redirectUri} as a redirect URI of the app in your IdP.`);
  }
  if (text.includes("invalid_client") || text.includes("client authentication")) {
    return say("The IdP rejected the client ID or secret.");
  }
  if (text.includes("signature") || text.includes("jws") || text.includes("jwt")) {
    return say("The ID token is invalid (its signature or format did not check out).");
  }
  if (text.includes("not a public address")) return say("The IdP's address is not reachable from Stagedoor.");
  return say("Sign-in with the IdP failed.");
}

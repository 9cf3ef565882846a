export {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  authenticateApiToken,
  hashApiToken,
  forgetVerifiedTokens,
  forgetVerifiedTokensOf,
  TOKEN_CACHE_MS,
  type ApiTokenSummary,
  type VerifiedToken,
} from "./api-tokens";
export { API_SCOPES, isApiScope, type ApiScope } from "./scopes";

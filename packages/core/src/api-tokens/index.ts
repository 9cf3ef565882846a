export {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  authenticateApiToken,
  hashApiToken,
  forgetVerifiedTokens,
  TOKEN_CACHE_MS,
  type ApiTokenSummary,
  type TokenPrincipal,
} from "./api-tokens";
export { API_SCOPES, hasScope, isApiScope, type ApiScope } from "./scopes";

import { router } from "../../trpc";
import { createScimTokenProcedure } from "./create-scim-token";
import { listScimTokensProcedure } from "./list-scim-tokens";
import { revokeScimTokenProcedure } from "./revoke-scim-token";

/** SCIM provisioning settings: the org's SCIM tokens (the SCIM API itself is REST, rest/scim). */
export const scimRouter = router({
  createToken: createScimTokenProcedure,
  listTokens: listScimTokensProcedure,
  revokeToken: revokeScimTokenProcedure,
});

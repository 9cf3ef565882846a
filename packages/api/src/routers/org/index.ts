import { router } from "../../trpc";
import { createOrgProcedure } from "./create-org";
import { getOrgProcedure } from "./get-org";
import { updateOrgNameProcedure } from "./update-org-name";
import { listMyOrgsProcedure } from "./list-my-orgs";
import { checkSlugProcedure } from "./check-slug";

export const orgRouter = router({
  create: createOrgProcedure,
  get: getOrgProcedure,
  updateName: updateOrgNameProcedure,
  mine: listMyOrgsProcedure,
  checkSlug: checkSlugProcedure,
});

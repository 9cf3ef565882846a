import { router } from "../../trpc";
import { latestForRefsProcedure } from "./latest-for-refs";
import { runsForEntityProcedure } from "./runs-for-entity";

export const cicdRouter = router({
  runsForEntity: runsForEntityProcedure,
  latestForRefs: latestForRefsProcedure,
});

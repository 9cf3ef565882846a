import { router } from "../../trpc";
import { getHomeProcedure } from "./get-home";
import { starEntityProcedure } from "./star-entity";
import { starredRefsProcedure } from "./starred-refs";
import { recordViewProcedure } from "./record-view";
import { meProcedure } from "./me";

/** The signed-in member's own view of the catalog: home, stars, recently viewed. */
export const homeRouter = router({
  get: getHomeProcedure,
  me: meProcedure,
  star: starEntityProcedure,
  starredRefs: starredRefsProcedure,
  recordView: recordViewProcedure,
});

import { router } from "../../trpc";
import { listEntitiesProcedure } from "./list-entities";
import { entityFacetsProcedure } from "./entity-facets";
import { getEntityProcedure } from "./get-entity";
import { entityGraphProcedure } from "./entity-graph";
import { ownershipProcedure } from "./ownership";
import { importYamlProcedure } from "./import-yaml";
import { importUrlProcedure } from "./import-url";
import { openCatalogPullRequestProcedure, proposeCatalogFileProcedure } from "./catalog-pull-request";
import { listSourcesProcedure } from "./list-sources";
import { searchProcedure } from "./search";
import { displayNamesProcedure } from "./display-names";
import { relatedEntitiesProcedure } from "./related-entities";
import { unregisterPlanProcedure } from "./unregister-plan";
import { unregisterSourceProcedure } from "./unregister-source";
import { refreshSourceProcedure } from "./refresh-source";

export const catalogRouter = router({
  list: listEntitiesProcedure,
  facets: entityFacetsProcedure,
  get: getEntityProcedure,
  graph: entityGraphProcedure,
  ownership: ownershipProcedure,
  importYaml: importYamlProcedure,
  importUrl: importUrlProcedure,
  proposeCatalogFile: proposeCatalogFileProcedure,
  openCatalogPullRequest: openCatalogPullRequestProcedure,
  sources: listSourcesProcedure,
  search: searchProcedure,
  displayNames: displayNamesProcedure,
  related: relatedEntitiesProcedure,
  unregisterPlan: unregisterPlanProcedure,
  unregister: unregisterSourceProcedure,
  refresh: refreshSourceProcedure,
});

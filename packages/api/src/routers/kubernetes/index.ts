import { router } from "../../trpc";
import { clusterRoleProcedure } from "./cluster-role";
import { forEntityProcedure } from "./for-entity";
import { healthForRefsProcedure } from "./health-for-refs";
import { listClustersProcedure } from "./list-clusters";
import { problemsProcedure } from "./problems";
import { saveClusterProcedure } from "./save-cluster";
import { testClusterProcedure } from "./test-cluster";

export const kubernetesRouter = router({
  clusters: listClustersProcedure,
  testCluster: testClusterProcedure,
  saveCluster: saveClusterProcedure,
  clusterRole: clusterRoleProcedure,
  forEntity: forEntityProcedure,
  problems: problemsProcedure,
  healthForRefs: healthForRefsProcedure,
});

import { router } from "../../trpc";
import { forEntityProcedure } from "./for-entity";
import { insightsProcedure } from "./insights";
import { saveExportProcedure } from "./save-export";
import { testExportProcedure } from "./test-export";

export const costsRouter = router({
  insights: insightsProcedure,
  forEntity: forEntityProcedure,
  testExport: testExportProcedure,
  saveExport: saveExportProcedure,
});

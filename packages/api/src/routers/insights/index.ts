import { router } from "../../trpc";
import { getSettingsProcedure } from "./get-settings";
import { reportProcedure } from "./report";
import { updateSettingsProcedure } from "./update-settings";

export const insightsRouter = router({
  report: reportProcedure,
  settings: getSettingsProcedure,
  updateSettings: updateSettingsProcedure,
});

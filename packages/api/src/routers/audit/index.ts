import { router } from "../../trpc";
import { auditFiltersProcedure } from "./audit-filters";
import { exportAuditProcedure } from "./export-audit";
import { listAuditProcedure } from "./list-audit";

export const auditRouter = router({
  list: listAuditProcedure,
  filters: auditFiltersProcedure,
  exportPage: exportAuditProcedure,
});

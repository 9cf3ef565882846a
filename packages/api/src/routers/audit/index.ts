import { router } from "../../trpc";
import { auditFiltersProcedure } from "./audit-filters";
import { listAuditProcedure } from "./list-audit";

export const auditRouter = router({ list: listAuditProcedure, filters: auditFiltersProcedure });

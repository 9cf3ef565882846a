import { router } from "../../trpc";
import { listAuditProcedure } from "./list-audit";

export const auditRouter = router({ list: listAuditProcedure });

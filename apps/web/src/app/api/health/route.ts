import { db } from "@/server/db";
import { redis } from "@/server/redis";
import { healthReport } from "@/server/health";

export const dynamic = "force-dynamic";

/** For load balancers and operators: 200 when Postgres and Redis answer, else 503. */
export async function GET() {
  const report = await healthReport({ db: () => db().ping(), redis: () => redis().ping() });
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}

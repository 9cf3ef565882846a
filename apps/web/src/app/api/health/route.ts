import { db } from "@/server/db";
import { redis } from "@/server/redis";

export const dynamic = "force-dynamic";

async function check(probe: () => Promise<unknown>, timeoutMs = 2000): Promise<"ok" | "down"> {
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs)),
    ]);
    return "ok";
  } catch {
    return "down";
  }
}

/** For load balancers and operators: 200 when Postgres and Redis answer, else 503. */
export async function GET() {
  const [database, queue] = await Promise.all([check(() => db().ping()), check(() => redis().ping())]);
  const status = database === "ok" && queue === "ok" ? "ok" : "degraded";
  return Response.json(
    { status, db: database, redis: queue },
    { status: status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}

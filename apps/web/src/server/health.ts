export type Probe = () => Promise<unknown>;
export type HealthReport = { status: "ok" | "degraded"; db: "ok" | "down"; redis: "ok" | "down" };

async function check(probe: Probe, timeoutMs: number): Promise<"ok" | "down"> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return "ok";
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

/** Both dependencies are probed at once; a hung one counts as down after the timeout. */
export async function healthReport(probes: { db: Probe; redis: Probe }, timeoutMs = 2000): Promise<HealthReport> {
  const [db, redis] = await Promise.all([check(probes.db, timeoutMs), check(probes.redis, timeoutMs)]);
  return { status: db === "ok" && redis === "ok" ? "ok" : "degraded", db, redis };
}

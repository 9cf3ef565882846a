/** Runs once when the server starts (Node.js runtime only; see instrumentation-node). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}

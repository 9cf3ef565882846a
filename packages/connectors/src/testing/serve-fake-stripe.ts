import { parseArgs } from "node:util";
import { startFakeStripe } from "./fake-stripe";

/**
 * Runs the Stripe-shaped server as its own process (`npm start` without Stripe keys, the
 * browser tests):
 *   npx tsx packages/connectors/src/testing/serve-fake-stripe.ts --port 12111 \
 *     --webhook-url http://localhost:3000/api/stripe/webhook --webhook-secret whsec_local
 * It creates the demo prices of DEMO_STRIPE_PRICES below and prints "fake Stripe at <url>".
 */
export const DEMO_STRIPE_PRICES =
  "team=price_team,enterprise=price_enterprise,cost-insights=price_cost_insights,scorecards=price_scorecards," +
  "insights=price_insights,knowledge-assistant=price_knowledge_assistant,feature-flags=price_feature_flags";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "12111" },
    "webhook-url": { type: "string" },
    "webhook-secret": { type: "string" },
  },
});

const amounts: Record<string, number> = { team: 1500, enterprise: 4000 };
const prices = Object.fromEntries(
  DEMO_STRIPE_PRICES.split(",").map((pair) => {
    const [key, id] = pair.split("=") as [string, string];
    return [id, { nickname: key, unitAmount: amounts[key] ?? 900 }];
  }),
);
const fake = await startFakeStripe({
  port: Number(values.port),
  webhookUrl: values["webhook-url"],
  webhookSecret: values["webhook-secret"],
  prices,
});
console.log(`fake Stripe at ${fake.url}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

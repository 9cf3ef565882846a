import { z } from "zod";
import { defineJob, INTEGRATIONS_QUEUE } from "../../jobs/define-job";

/**
 * Delivery rows exist for idempotency (a redelivery hits the unique key) and for the
 * integration page's recent activity; providers redeliver within days, so a month is plenty.
 */
export const WEBHOOK_DELIVERY_RETENTION_DAYS = 30;
const DAY = 24 * 3600_000;

/** Deletes every org's deliveries past the retention period (cross-org, as the other purges). */
export const purgeDeliveriesJob = defineJob({
  name: "webhooks.purgeDeliveries",
  queue: INTEGRATIONS_QUEUE,
  payload: z.object({ olderThanDays: z.number().int().min(1).default(WEBHOOK_DELIVERY_RETENTION_DAYS) }),
  schedule: { every: DAY / 4, payload: () => ({ olderThanDays: WEBHOOK_DELIVERY_RETENTION_DAYS }) },
  options: { attempts: 3, backoff: { type: "exponential", delay: 5000 } },
  async handle({ olderThanDays }, { db }) {
    const cutoff = new Date(Date.now() - olderThanDays * DAY);
    const { count } = await db.admin.webhookDelivery.deleteMany({ where: { receivedAt: { lt: cutoff } } });
    return { deleted: count };
  },
});

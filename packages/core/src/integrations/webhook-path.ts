/** Where a provider's webhooks are delivered (apps/web routes them by kind), relative to the portal's origin. */
export const webhookUrlPath = (kind: string, integrationId: string) => `/api/webhooks/${kind}/${integrationId}`;

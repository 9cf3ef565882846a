export {
  handleGitHubWebhook,
  handleProviderWebhook,
  MAX_WEBHOOK_BYTES,
  type WebhookHandlerDeps,
} from "./provider-webhook";
export { handleStripeWebhookRequest } from "./stripe-webhook";

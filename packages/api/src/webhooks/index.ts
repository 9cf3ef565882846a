export { handleGitHubWebhook, MAX_WEBHOOK_BYTES, type WebhookHandlerDeps } from "./github";

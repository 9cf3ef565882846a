import { definePlugin } from "../types";

export const knowledgeAssistant = definePlugin({
  key: "knowledge-assistant",
  name: "Knowledge Assistant",
  description: "Ask questions about your services and docs, answered with sources.",
  routes: ["/plugins/knowledge-assistant"],
  nav: { label: "Knowledge Assistant", href: "/plugins/knowledge-assistant" },
  lockedView: {
    headline: "Ask the portal instead of asking around.",
    bullets: [
      "Answers from your catalog, docs and CI data, with links to the sources",
      "Respects who may see what: answers only from data the asker can read",
      "Works with any OpenAI-compatible model endpoint",
    ],
  },
  available: false,
});

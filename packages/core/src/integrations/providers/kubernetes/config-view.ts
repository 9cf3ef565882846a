import { readClusterConfig } from "./settings";

/** What the integrations page shows of a cluster; never a secret. */
export type KubernetesConfigView = {
  provider: "kubernetes";
  server: string;
  hasCa: boolean;
  authType: "token" | "client-cert";
  tokenLast4: string | null;
  syncIntervalMinutes: number;
};

export function clusterConfigView(raw: unknown): { config: KubernetesConfigView; webhookSecretHint: null } {
  const config = readClusterConfig(raw);
  return {
    config: {
      provider: "kubernetes",
      server: config.server,
      hasCa: config.caData !== null,
      authType: config.authType,
      tokenLast4: config.tokenLast4,
      syncIntervalMinutes: config.syncIntervalMinutes,
    },
    webhookSecretHint: null,
  };
}

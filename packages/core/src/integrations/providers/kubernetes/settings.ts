import { checkOutboundUrl, readKubeconfig, type ClusterConnection } from "@stagedoor/connectors";
import { z } from "zod";
import { AppError } from "../../../errors";

export const KUBERNETES_PROVIDER = "kubernetes";
/** The default: a cluster's state is at most two minutes old. */
export const DEFAULT_CLUSTER_SYNC_MINUTES = 2;
const MIN_MINUTES = 1;
const MAX_MINUTES = 60;
const MAX_PEM_CHARS = 64 * 1024;

/** Integration.config of a cluster: where it is and what it trusts (a CA is not a secret). */
export const clusterConfigSchema = z.object({
  server: z.string(),
  caData: z.string().nullable(),
  authType: z.enum(["token", "client-cert"]),
  tokenLast4: z.string().nullable(),
  syncIntervalMinutes: z.number().int(),
});
export type ClusterConfig = z.infer<typeof clusterConfigSchema>;

export const clusterCredentialsSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("token"), token: z.string().min(1) }),
  z.object({ type: z.literal("client-cert"), certData: z.string().min(1), keyData: z.string().min(1) }),
]);
export type ClusterCredentials = z.infer<typeof clusterCredentialsSchema>;

export function readClusterConfig(raw: unknown): ClusterConfig {
  const r = (raw ?? {}) as Partial<ClusterConfig>;
  return {
    server: typeof r.server === "string" ? r.server : "",
    caData: typeof r.caData === "string" ? r.caData : null,
    authType: r.authType === "client-cert" ? "client-cert" : "token",
    tokenLast4: typeof r.tokenLast4 === "string" ? r.tokenLast4 : null,
    syncIntervalMinutes:
      typeof r.syncIntervalMinutes === "number" ? r.syncIntervalMinutes : DEFAULT_CLUSTER_SYNC_MINUTES,
  };
}

/** What the connect form sends: fields, or a kubeconfig; or "saved" to keep stored credentials. */
export type ClusterAuthInput =
  | { type: "token"; server: string; caData?: string | null; token: string }
  | { type: "kubeconfig"; kubeconfig: string; context?: string | null }
  | { type: "saved" };

type FieldErrors = Record<string, string>;

/**
 * The connection a form describes, checked: the server URL through the outbound guard
 * (https only, unless the operator allows private networks, which is how tests reach a
 * local fake), a PEM CA when given, and a token or a kubeconfig user Stagedoor can use.
 */
export async function connectionFromInput(
  auth: Exclude<ClusterAuthInput, { type: "saved" }>,
  options: { allowPrivateNetworks: boolean },
): Promise<ClusterConnection> {
  const errors: FieldErrors = {};
  let connection: ClusterConnection;
  if (auth.type === "kubeconfig") {
    const read = await readKubeconfig(auth.kubeconfig, auth.context);
    if (!read.ok) throw new AppError("BAD_REQUEST", read.message, { kubeconfig: read.message });
    connection = read.connection;
  } else {
    const token = auth.token.trim();
    if (!token) errors.token = "Enter the service account's token.";
    const caData = auth.caData?.trim() || null;
    if (caData && (!caData.includes("-----BEGIN CERTIFICATE-----") || caData.length > MAX_PEM_CHARS)) {
      errors.caData = "Paste the cluster's CA certificate in PEM form (-----BEGIN CERTIFICATE-----).";
    }
    connection = { server: auth.server.trim(), caData, auth: { type: "token", token } };
  }
  connection.server = await validateServer(connection.server, options.allowPrivateNetworks, errors);
  if (Object.keys(errors).length) {
    throw new AppError("BAD_REQUEST", Object.values(errors)[0] as string, errors);
  }
  return connection;
}

export async function validateServer(raw: string, allowPrivateNetworks: boolean, errors: FieldErrors): Promise<string> {
  const trimmed = raw.trim();
  if (!trimmed) {
    errors.server = "Enter the API server's URL, e.g. https://k8s.example.com:6443.";
    return trimmed;
  }
  const verdict = await checkOutboundUrl(trimmed, { allowPrivateNetworks });
  if (!verdict.ok) {
    errors.server = verdict.reason;
    return trimmed;
  }
  if (verdict.url.protocol !== "https:" && !allowPrivateNetworks) {
    errors.server = "The API server must be reached over https.";
  }
  return `${verdict.url.origin}${verdict.url.pathname.replace(/\/+$/, "")}`;
}

export function validateInterval(minutes: number | undefined): number {
  const interval = minutes ?? DEFAULT_CLUSTER_SYNC_MINUTES;
  if (!Number.isInteger(interval) || interval < MIN_MINUTES || interval > MAX_MINUTES) {
    throw new AppError("BAD_REQUEST", `Sync every ${MIN_MINUTES} to ${MAX_MINUTES} minutes.`, {
      syncIntervalMinutes: `Sync every ${MIN_MINUTES} to ${MAX_MINUTES} minutes.`,
    });
  }
  return interval;
}

export const credentialsOf = (connection: ClusterConnection): ClusterCredentials => connection.auth;

export function connectionOf(config: ClusterConfig, credentials: ClusterCredentials): ClusterConnection {
  return { server: config.server, caData: config.caData, auth: credentials };
}

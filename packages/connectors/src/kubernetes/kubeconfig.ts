import { loadClientNode, type ClusterConnection } from "./client";

export type KubeconfigResult =
  { ok: true; connection: ClusterConnection; context: string } | { ok: false; message: string };

const MAX_KUBECONFIG_CHARS = 256 * 1024;

/**
 * Reads an uploaded kubeconfig into a connection: the current context (or the one named),
 * its cluster's server and inline CA, and a token or inline client certificate. Anything
 * that would run a program or read a file on Stagedoor's servers (exec and auth-provider
 * plugins, *-file and token-file paths) is refused with the reason, never followed.
 */
export async function readKubeconfig(text: string, contextName?: string | null): Promise<KubeconfigResult> {
  if (text.length > MAX_KUBECONFIG_CHARS) return { ok: false, message: "The kubeconfig is larger than 256 KB." };
  const { KubeConfig } = await loadClientNode();
  const kc = new KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (error) {
    return { ok: false, message: `The kubeconfig cannot be read: ${(error as Error).message}` };
  }
  const name = contextName?.trim() || kc.getCurrentContext();
  const context = kc.getContextObject(name);
  if (!context) {
    const names = kc.getContexts().map((c) => c.name);
    return {
      ok: false,
      message: names.length
        ? `The kubeconfig has no context "${name}"; it has ${names.map((n) => `"${n}"`).join(", ")}.`
        : "The kubeconfig has no contexts.",
    };
  }
  const cluster = kc.getCluster(context.cluster);
  const user = kc.getUser(context.user);
  if (!cluster)
    return {
      ok: false,
      message: `The context "${name}" names a cluster "${context.cluster}" that the kubeconfig does not define.`,
    };
  if (!user)
    return {
      ok: false,
      message: `The context "${name}" names a user "${context.user}" that the kubeconfig does not define.`,
    };
  if (user.exec) {
    return {
      ok: false,
      message: `The user "${user.name}" gets its credentials from an exec plugin (${String((user.exec as { command?: string }).command ?? "a command")}), which Stagedoor does not run. Use a service-account token instead (see the ClusterRole below).`,
    };
  }
  if (user.authProvider) {
    return {
      ok: false,
      message: `The user "${user.name}" uses an auth-provider plugin, which Stagedoor does not run. Use a service-account token instead (see the ClusterRole below).`,
    };
  }
  if (cluster.caFile || user.certFile || user.keyFile || (user as { tokenFile?: string }).tokenFile) {
    return {
      ok: false,
      message:
        "The kubeconfig points at files (certificate-authority, client-certificate, client-key or tokenFile); embed them instead (the *-data fields, or kubectl config view --flatten --minify).",
    };
  }
  const caData = cluster.caData ? Buffer.from(cluster.caData, "base64").toString("utf8") : null;
  if (user.token)
    return {
      ok: true,
      context: name,
      connection: { server: cluster.server, caData, auth: { type: "token", token: user.token } },
    };
  if (user.certData && user.keyData) {
    return {
      ok: true,
      context: name,
      connection: {
        server: cluster.server,
        caData,
        auth: {
          type: "client-cert",
          certData: Buffer.from(user.certData, "base64").toString("utf8"),
          keyData: Buffer.from(user.keyData, "base64").toString("utf8"),
        },
      },
    };
  }
  return {
    ok: false,
    message: `The user "${user.name}" has neither a token nor an embedded client certificate and key.`,
  };
}

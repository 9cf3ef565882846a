import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optional = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

const schema = z
  .object({
    APP_ENV: z.enum(["development", "test", "demo", "production"]).default("development"),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)"),
    AUTH_DEV_SIGN_IN: flag,
    AUTH_URL: z
      .url({ protocol: /^https?$/, error: "must be the site's public http(s) URL, e.g. https://portal.example.com" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    AUTH_TRUST_HOST: flag,
    // Per-tenant hosts: {slug}.{BASE_DOMAIN} serves org {slug} (e.g. portal.example.com).
    BASE_DOMAIN: z
      .string()
      .regex(/^([a-z0-9-]+\.)*[a-z0-9-]+$/, "must be a host name such as portal.example.com (no scheme or port)")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    AUTH_GITHUB_ID: optional,
    AUTH_GITHUB_SECRET: optional,
    AUTH_GOOGLE_ID: optional,
    AUTH_GOOGLE_SECRET: optional,
    AUTH_OIDC_ISSUER: z
      .url()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    AUTH_OIDC_ID: optional,
    AUTH_OIDC_SECRET: optional,
    AUTH_OIDC_NAME: z.string().default("Single sign-on"),
    SECRETS_KEYS: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/,
        "must be a keyring like k1:<32 bytes base64>[,k0:<older key>] (try: echo k1:$(openssl rand -base64 32))",
      ),
    OUTBOUND_ALLOW_PRIVATE_NETWORKS: flag,
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9:_-]+$/)
      .default("stagedoor"),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    STRIPE_SECRET_KEY: optional,
    STRIPE_WEBHOOK_SECRET: optional,
    STRIPE_API_BASE: z
      .url({ protocol: /^https?$/ })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    STRIPE_PRICES: z.string().default(""),
    BILLING_RETURN_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_DEV_SIGN_IN && env.APP_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_DEV_SIGN_IN"],
        message: "must not be enabled when APP_ENV=production (it signs anyone in by email alone)",
      });
    }
    if (!env.AUTH_URL && env.APP_ENV === "production") {
      // Without it, Auth.js builds callback URLs from the request's Host header.
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_URL"],
        message: "is required when APP_ENV=production (the site's public URL, e.g. https://portal.example.com)",
      });
    }
    const pairs: Array<[string, string | undefined, string, string | undefined]> = [
      ["AUTH_GITHUB_ID", env.AUTH_GITHUB_ID, "AUTH_GITHUB_SECRET", env.AUTH_GITHUB_SECRET],
      ["AUTH_GOOGLE_ID", env.AUTH_GOOGLE_ID, "AUTH_GOOGLE_SECRET", env.AUTH_GOOGLE_SECRET],
      ["AUTH_OIDC_ID", env.AUTH_OIDC_ID, "AUTH_OIDC_SECRET", env.AUTH_OIDC_SECRET],
    ];
    for (const [idName, id, secretName, secret] of pairs) {
      if (Boolean(id) !== Boolean(secret)) {
        ctx.addIssue({
          code: "custom",
          path: [id ? secretName : idName],
          message: `is required when ${id ? idName : secretName} is set`,
        });
      }
    }
    if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: [env.STRIPE_SECRET_KEY ? "STRIPE_WEBHOOK_SECRET" : "STRIPE_SECRET_KEY"],
        message: "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together (billing is off without both)",
      });
    }
    if (env.AUTH_OIDC_ID && !env.AUTH_OIDC_ISSUER) {
      ctx.addIssue({ code: "custom", path: ["AUTH_OIDC_ISSUER"], message: "is required when AUTH_OIDC_ID is set" });
    }
  });

export type Env = z.infer<typeof schema>;

/**
 * Whether Auth.js may build URLs from the request's Host (and X-Forwarded-Host) header.
 * With AUTH_URL set it never does (next-auth rewrites every request to that origin), so
 * the host is trusted then too, as Auth.js itself defaults; otherwise only when
 * AUTH_TRUST_HOST says so (behind a proxy that sets the header).
 */
export function authTrustHost(env: Pick<Env, "AUTH_URL" | "AUTH_TRUST_HOST">): boolean {
  return env.AUTH_TRUST_HOST || Boolean(env.AUTH_URL);
}

export class EnvError extends Error {}

/** Parses a raw environment; the message names every bad variable. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const name = String(i.path[0] ?? "environment");
    const message = i.code === "invalid_type" && raw[name] === undefined ? "is required but not set" : i.message;
    return `  ${name} ${message}`;
  });
  throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The only reader of process.env in the web app. Parsed once, at server start. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** `next dev` (not `next start`): development builds need a looser CSP (eval, HMR socket). */
export function isNextDev(): boolean {
  return process.env.NODE_ENV === "development";
}

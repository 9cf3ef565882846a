import type { Role, TenantDb } from "@stagedoor/db";
import {
  OidcDiscoveryError,
  SamlMetadataError,
  discoverOidcIssuer,
  fetchSamlIdpMetadata,
  parseSamlIdpMetadata,
  type SamlIdpMetadata,
} from "@stagedoor/connectors";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { assertPlanAllows } from "../billing/plan-capabilities";
import { authorize, type Principal, type UserPrincipal } from "../authz";
import { secretContext, type SsoDeps } from "./deps";
import { parseGroupRoles, type GroupRoles } from "./group-roles";

/** What settings show about an org's connection: never the secret. */
export type SsoConnectionView = {
  id: string;
  protocol: "oidc" | "saml";
  /** OIDC: the issuer URL. SAML: the IdP's entity id. */
  issuer: string;
  clientId: string;
  /** OIDC only (SAML has no client secret). */
  hasClientSecret: boolean;
  /** SAML: where the IdP metadata was fetched from (null: pasted), its sign-in URL and how many signing certificates it has. */
  samlMetadataUrl: string | null;
  samlSsoUrl: string | null;
  samlCertificateCount: number;
  status: "draft" | "tested" | "enabled";
  testedAt: Date | null;
  lastError: string | null;
  defaultRole: Role;
  groupsClaim: string | null;
  groupRoles: GroupRoles;
};

const VIEW = {
  id: true,
  protocol: true,
  issuer: true,
  clientId: true,
  status: true,
  testedAt: true,
  lastError: true,
  defaultRole: true,
  groupsClaim: true,
  groupRoles: true,
  samlMetadataUrl: true,
  samlSsoUrl: true,
  samlCertificates: true,
} as const;

type ViewRow = { [K in keyof typeof VIEW]: unknown } & { groupRoles: unknown; samlCertificates: string[] };

function toView(row: ViewRow): SsoConnectionView {
  const { samlCertificates, ...rest } = row;
  const protocol = row.protocol === "saml" ? "saml" : "oidc";
  return {
    ...(rest as Omit<SsoConnectionView, "hasClientSecret" | "groupRoles" | "samlCertificateCount">),
    protocol,
    hasClientSecret: protocol === "oidc",
    samlCertificateCount: samlCertificates.length,
    groupRoles: parseGroupRoles(row.groupRoles),
  };
}

export type SsoSettings = {
  connection: SsoConnectionView | null;
  requireSso: boolean;
  sessionIdleMinutes: number | null;
  sessionMaxMinutes: number | null;
};

export async function getSsoSettings(db: TenantDb, by: Principal): Promise<SsoSettings> {
  authorize(by, "sso.manage");
  const org = await db.organization.findUniqueOrThrow({
    where: { id: db.orgId },
    select: { requireSso: true, sessionIdleMinutes: true, sessionMaxMinutes: true, ssoConnection: { select: VIEW } },
  });
  return {
    connection: org.ssoConnection ? toView(org.ssoConnection) : null,
    requireSso: org.requireSso,
    sessionIdleMinutes: org.sessionIdleMinutes,
    sessionMaxMinutes: org.sessionMaxMinutes,
  };
}

export type OidcConnectionInput = {
  issuer: string;
  clientId: string;
  /** Omitted when editing: the stored secret is kept. */
  clientSecret?: string;
  defaultRole?: Role;
  groupsClaim?: string | null;
  groupRoles?: GroupRoles;
};

/**
 * Saves the org's OIDC connection after fetching and checking the issuer's discovery
 * document. Any change of issuer, client or secret puts it back to draft (and off): it
 * must pass a test sign-in again before members can use it.
 */
export async function saveOidcConnection(
  db: TenantDb,
  actor: UserPrincipal,
  deps: SsoDeps,
  input: OidcConnectionInput,
): Promise<SsoConnectionView> {
  authorize(actor, "sso.manage");
  const clientId = input.clientId.trim();
  if (!clientId) throw new AppError("BAD_REQUEST", "Enter the client ID from your IdP.", { clientId: "Required." });
  const groupRoles = checkedGroupRoles(input.defaultRole, input.groupRoles);
  let issuer: string;
  try {
    issuer = (await discoverOidcIssuer(input.issuer, deps)).issuer;
  } catch (error) {
    if (error instanceof OidcDiscoveryError)
      throw new AppError("BAD_REQUEST", error.message, { issuer: error.message });
    throw error;
  }
  const secret = input.clientSecret?.trim();
  return db.transaction(async (tx) => {
    const existing = await tx.ssoConnection.findUnique({ where: { orgId: db.orgId } });
    if ((!existing || existing.protocol !== "oidc") && !secret) {
      throw new AppError("BAD_REQUEST", "Enter the client secret from your IdP.", { clientSecret: "Required." });
    }
    const changedIdentity =
      !existing ||
      existing.protocol !== "oidc" ||
      existing.issuer !== issuer ||
      existing.clientId !== clientId ||
      Boolean(secret);
    const common = {
      protocol: "oidc",
      samlMetadataUrl: null,
      samlSsoUrl: null,
      samlCertificates: [],
      issuer,
      clientId,
      defaultRole: input.defaultRole ?? existing?.defaultRole ?? "MEMBER",
      groupsClaim: groupsSetting(input.groupsClaim, existing),
      groupRoles,
      ...(changedIdentity ? BACK_TO_DRAFT : {}),
    };
    const row = existing
      ? await tx.ssoConnection.update({ where: { id: existing.id }, data: common, select: VIEW })
      : await tx.ssoConnection.create({
          data: { ...common, orgId: db.orgId, clientSecretCiphertext: "" },
          select: VIEW,
        });
    if (secret) {
      await tx.ssoConnection.update({
        where: { id: row.id },
        data: { clientSecretCiphertext: deps.secrets.encrypt(secret, { context: secretContext(db.orgId, row.id) }) },
      });
    }
    if (changedIdentity && existing?.status === "enabled") {
      // An untested connection is never live; requiring it would lock members out.
      await tx.organization.update({ where: { id: db.orgId }, data: { requireSso: false } });
    }
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: existing ? "sso.updated" : "sso.created",
      target: issuer,
      data: { clientId, secretChanged: Boolean(secret), backToDraft: changedIdentity },
    });
    return toView(row);
  });
}

export type SamlConnectionInput = {
  /** One of the two: the IdP's metadata URL (fetched through the outbound guard) or its XML. */
  metadataUrl?: string | null;
  metadataXml?: string | null;
  defaultRole?: Role;
  /** The assertion attribute with the user's groups (for the group → role mapping). */
  groupsAttribute?: string | null;
  groupRoles?: GroupRoles;
};

/**
 * Saves the org's SAML connection from the IdP's metadata (fetched or pasted). As with
 * OIDC, a change of IdP (entity id, sign-in URL, certificates) or of protocol puts it back
 * to draft and off until a test sign-in passes. The ACS URL and SP entity id the IdP
 * needs come from samlServiceUrls (shown on the settings page).
 */
export async function saveSamlConnection(
  db: TenantDb,
  actor: UserPrincipal,
  deps: SsoDeps,
  input: SamlConnectionInput,
): Promise<SsoConnectionView> {
  authorize(actor, "sso.manage");
  const groupRoles = checkedGroupRoles(input.defaultRole, input.groupRoles);
  const url = input.metadataUrl?.trim();
  const xml = input.metadataXml?.trim();
  if (Boolean(url) === Boolean(xml)) {
    throw new AppError("BAD_REQUEST", "Enter the IdP's metadata URL or paste its metadata XML (one of the two).", {
      metadataUrl: "One of the two.",
    });
  }
  let metadata: SamlIdpMetadata & { metadataUrl: string | null };
  try {
    metadata = url
      ? await fetchSamlIdpMetadata(url, { allowPrivateNetworks: deps.allowPrivateNetworks, lookup: deps.lookup })
      : { ...parseSamlIdpMetadata(xml!, { allowHttp: deps.allowPrivateNetworks }), metadataUrl: null };
  } catch (error) {
    if (error instanceof SamlMetadataError) {
      throw new AppError("BAD_REQUEST", error.message, { [url ? "metadataUrl" : "metadataXml"]: error.message });
    }
    throw error;
  }
  return db.transaction(async (tx) => {
    const existing = await tx.ssoConnection.findUnique({ where: { orgId: db.orgId } });
    const changedIdentity =
      !existing ||
      existing.protocol !== "saml" ||
      existing.issuer !== metadata.entityId ||
      existing.samlSsoUrl !== metadata.ssoUrl ||
      existing.samlCertificates.join() !== metadata.certificates.join();
    const data = {
      protocol: "saml",
      issuer: metadata.entityId,
      clientId: "",
      clientSecretCiphertext: "",
      samlMetadataUrl: metadata.metadataUrl,
      samlSsoUrl: metadata.ssoUrl,
      samlCertificates: metadata.certificates,
      defaultRole: input.defaultRole ?? existing?.defaultRole ?? "MEMBER",
      groupsClaim: groupsSetting(input.groupsAttribute, existing),
      groupRoles,
      ...(changedIdentity ? BACK_TO_DRAFT : {}),
    };
    const row = existing
      ? await tx.ssoConnection.update({ where: { id: existing.id }, data, select: VIEW })
      : await tx.ssoConnection.create({ data: { ...data, orgId: db.orgId }, select: VIEW });
    if (changedIdentity && existing?.status === "enabled") {
      await tx.organization.update({ where: { id: db.orgId }, data: { requireSso: false } });
    }
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: existing ? "sso.updated" : "sso.created",
      target: metadata.entityId,
      data: {
        protocol: "saml",
        metadataUrl: metadata.metadataUrl,
        certificates: metadata.certificates.length,
        backToDraft: changedIdentity,
      },
    });
    return toView(row);
  });
}

/** A changed IdP must pass a test sign-in again before members can use it. */
const BACK_TO_DRAFT = { status: "draft" as const, testedAt: null, testedBy: null, lastError: null };

/** Just-in-time roles, for both protocols: nobody becomes an owner by signing in. */
function checkedGroupRoles(defaultRole: Role | undefined, input: GroupRoles | undefined): GroupRoles {
  if (defaultRole === "OWNER") {
    throw new AppError("BAD_REQUEST", "New members cannot become owners by signing in.", {
      defaultRole: "Not allowed.",
    });
  }
  const groupRoles = parseGroupRoles(input ?? {});
  if (Object.values(groupRoles).includes("OWNER")) {
    throw new AppError("BAD_REQUEST", "IdP groups cannot grant the owner role.", { groupRoles: "Not allowed." });
  }
  return groupRoles;
}

/** The groups claim (OIDC) or attribute (SAML): omitted keeps the saved one, empty clears it. */
const groupsSetting = (value: string | null | undefined, existing: { groupsClaim: string | null } | null) =>
  value === undefined ? (existing?.groupsClaim ?? null) : value?.trim() || null;

/** Switches a tested connection on (offered at sign-in) or off (which also ends "require SSO"). */
export async function setSsoEnabled(db: TenantDb, actor: UserPrincipal, enabled: boolean): Promise<SsoConnectionView> {
  authorize(actor, "sso.manage");
  return db.transaction(async (tx) => {
    const existing = await tx.ssoConnection.findUnique({ where: { orgId: db.orgId } });
    if (!existing) throw new AppError("NOT_FOUND", "Set up a connection first.");
    if (enabled && existing.status === "draft") {
      throw new AppError("PRECONDITION_FAILED", "Run a successful test sign-in before switching the connection on.");
    }
    const row = await tx.ssoConnection.update({
      where: { id: existing.id },
      data: { status: enabled ? "enabled" : existing.testedAt ? "tested" : "draft" },
      select: VIEW,
    });
    if (!enabled) await tx.organization.update({ where: { id: db.orgId }, data: { requireSso: false } });
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: enabled ? "sso.enabled" : "sso.disabled",
      target: existing.issuer,
    });
    return toView(row);
  });
}

/** "Require SSO": only with an enabled connection. Owners keep the audited break-glass path. */
export async function setRequireSso(db: TenantDb, actor: UserPrincipal, requireSso: boolean): Promise<void> {
  authorize(actor, "sso.manage");
  await db.transaction(async (tx) => {
    if (requireSso) {
      // Switching it off stays possible on every plan (never lock members into a setting).
      await assertPlanAllows(tx, db.orgId, "requireSso");
      const connection = await tx.ssoConnection.findUnique({ where: { orgId: db.orgId }, select: { status: true } });
      if (connection?.status !== "enabled") {
        throw new AppError("PRECONDITION_FAILED", "Switch on a tested SSO connection before requiring it.");
      }
    }
    await tx.organization.update({ where: { id: db.orgId }, data: { requireSso } });
    await recordAudit(tx, { orgId: db.orgId, actor, action: requireSso ? "sso.required" : "sso.optional" });
  });
}

// Limits and defaults that more than one layer states: input schemas (packages/api), env
// defaults (apps/worker), forms (apps/web) and the services that enforce them. Each is
// written once here so they cannot disagree. Browser-safe (exported as
// @stagedoor/core/limits): it imports nothing with side effects or server code.
import { MAX_FILE_BYTES } from "@stagedoor/catalog/limits";

/** Largest catalog file accepted anywhere (the parser's own bound): 1 MiB. */
export const MAX_CATALOG_FILE_BYTES = MAX_FILE_BYTES;

/** Files one Register-page import (tRPC `catalog.importYaml`) may carry. */
export const MAX_REGISTER_FILES = 20;
/** Longest file name on the Register page. */
export const MAX_REGISTER_FILE_NAME = 300;
/** Largest catalog-info.yaml Register by URL sends in a pull request (edited by hand, so small). */
export const MAX_PROPOSED_CATALOG_FILE_BYTES = 64 * 1024;
/** Longest push-source key (Register page, import API). */
export const MAX_SOURCE_KEY_LENGTH = 200;

/** Longest organisation name and slug. */
export const MAX_ORG_NAME_LENGTH = 100;
export const MAX_ORG_SLUG_LENGTH = 40;

/** Longest API token name. */
export const MAX_TOKEN_NAME_LENGTH = 100;

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 7;
/** Expired or used invitations older than this are deleted by the worker. */
export const STALE_INVITATION_DAYS = 30;

/** How long an entity its source no longer emits stays (shown as an orphan) before deletion. */
export const DEFAULT_ORPHAN_GRACE_HOURS = 24;

/** Scheduled sync interval of an integration: default and bounds, in minutes. */
export const DEFAULT_SYNC_INTERVAL_MINUTES = 30;
export const MIN_SYNC_INTERVAL_MINUTES = 5;
export const MAX_SYNC_INTERVAL_MINUTES = 24 * 60;

/** Most SCIM resources one list request returns (RFC 7644 `count`); also the default page. */
export const SCIM_MAX_PAGE_SIZE = 200;
/** SCIM writes of one org within this window share one catalog refresh, run when it ends. */
export const SCIM_CATALOG_REFRESH_DELAY_MS = 5_000;

/** Premium plugin trial: once per org, this long, with this many seats per plugin. */
export const PLUGIN_TRIAL_DAYS = 14;
export const PLUGIN_TRIAL_SEATS = 5;
/** After a failed payment premium plugins keep working this long, then turn read-only. */
export const PAYMENT_GRACE_DAYS = 7;
/** Licenses one bulk assign or release may name. */
export const MAX_LICENSE_BULK = 200;
/**
 * Membership changes of one org within this window share one Team seat update in Stripe,
 * made when it ends: a SCIM burst of hundreds of users is one subscription change.
 */
export const SEAT_SYNC_DELAY_MS = 30_000;
/** How long one org's purchase (Checkout or plan change) may hold its lock across the Stripe calls. */
export const BILLING_PURCHASE_LOCK_MS = 30_000;

/** Largest cost export file uploaded in the UI (bigger exports come from a URL or a bucket). */
export const MAX_COST_UPLOAD_BYTES = 512 * 1024 * 1024;
/** Largest cost export file downloaded from a URL or a bucket. */
export const MAX_COST_DOWNLOAD_BYTES = 8 * 1024 * 1024 * 1024;
/** Files one bucket prefix may hold for an import. */
export const MAX_COST_FILES = 200;
/** Cost Insights growth alert: default threshold in percent over the period. */
export const DEFAULT_COST_GROWTH_ALERT_PERCENT = 20;

/** How long a SAML sign-in may take at the IdP: its request id is answerable this long, once. */
export const SAML_REQUEST_TTL_MINUTES = 10;
/** Largest form post the SAML ACS URL reads (a signed response with many groups fits easily). */
export const SAML_MAX_POST_BYTES = 512 * 1024;
/** Clock difference between a SAML IdP and this server that assertion time checks allow. */
export const SAML_CLOCK_SKEW_MS = 2 * 60_000;

/** Per-org session timeouts (idle and absolute), in minutes: 5 minutes to 30 days. */
export const MIN_SESSION_MINUTES = 5;
export const MAX_SESSION_MINUTES = 30 * 24 * 60;

/** Insights event batches (POST /api/insights/events): most events and bytes in one. */
export const INSIGHTS_MAX_BATCH_EVENTS = 200;
export const INSIGHTS_MAX_BATCH_BYTES = 64 * 1024;
/** An event may be sent this long after it happened (a batch kept for a later flush). */
export const INSIGHTS_MAX_EVENT_AGE_MS = 24 * 60 * 60 * 1000;
/** Batches waiting in the queue beyond which new ones are dropped (and counted), not queued. */
export const INSIGHTS_MAX_QUEUE_BACKLOG = 20_000;
/** Raw events are kept this long by default; an org may choose within the bounds. */
export const INSIGHTS_DEFAULT_RETENTION_MONTHS = 13;
export const INSIGHTS_MIN_RETENTION_MONTHS = 1;
export const INSIGHTS_MAX_RETENTION_MONTHS = 25;
/** Longest date range the Insights page reports on. */
export const INSIGHTS_MAX_RANGE_DAYS = 400;

import { describe, expect, it } from "vitest";
import { auditCsvRow } from "./audit-csv";
import { describeAuditEvent } from "./describe-audit";

const row = (action: string, target: string | null, data: unknown = {}, actorEmail: string | null = "ann@x.test") => ({
  action,
  target,
  data,
  actorEmail,
});

describe("describeAuditEvent", () => {
  it("says what happened in plain words", () => {
    expect(describeAuditEvent(row("member.invited", "bob@x.test", { role: "MEMBER" }))).toBe(
      "ann@x.test invited bob@x.test as member",
    );
    expect(describeAuditEvent(row("member.role_changed", "bob@x.test", { from: "MEMBER", to: "ADMIN" }))).toBe(
      "ann@x.test changed bob@x.test's role from member to admin",
    );
    expect(describeAuditEvent(row("org.renamed", "acme", { from: "Acme", to: "Acme Inc" }))).toBe(
      "ann@x.test renamed the organization from Acme to Acme Inc",
    );
    expect(describeAuditEvent(row("member.removed", "bob@x.test", { role: "MEMBER", left: true }, "bob@x.test"))).toBe(
      "bob@x.test left the organization",
    );
  });

  it("counts files and entities with the right plural", () => {
    expect(describeAuditEvent(row("catalog.imported", "manual:a", { files: 1 }))).toBe(
      "ann@x.test imported manual:a into the catalog (1 file)",
    );
    expect(describeAuditEvent(row("catalog.unregistered", "x", { ref: "component:default/a", entities: 2 }))).toBe(
      "ann@x.test unregistered component:default/a (2 entities)",
    );
  });

  it("names the system when there is no actor, and keeps unknown actions visible", () => {
    expect(describeAuditEvent(row("integration.sync_requested", "i1", { trigger: "manual" }, null))).toBe(
      "The system started a sync",
    );
    expect(describeAuditEvent(row("future.thing", "t"))).toBe("ann@x.test: future.thing t");
  });
});

describe("audit CSV", () => {
  it("writes one line per event with its words and details", () => {
    const line = auditCsvRow({
      id: "1",
      createdAt: new Date("2026-11-27T10:00:00Z"),
      summary: "ann@x.test invited bob@x.test as member",
      ...row("member.invited", "bob@x.test", { role: "MEMBER" }),
    });
    expect(line).toBe(
      '2026-11-27T10:00:00.000Z,ann@x.test,member.invited,bob@x.test,ann@x.test invited bob@x.test as member,"{""role"":""MEMBER""}"',
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  codeownerToEntityRef,
  inferRepositoryOwner,
  ownerFromCodeowners,
  parseCodeowners,
  pickTopTeam,
} from "./codeowners";

describe("CODEOWNERS", () => {
  it("parses rules, comments and escapes, and reports owners GitHub would reject", () => {
    const { rules, problems } = parseCodeowners(
      [
        "# Owners",
        "",
        "*       @acme/platform @alice # fallback",
        "docs/\\#notes.md  docs@acme.com",
        "/my\\ dir/ @bob",
        "*.js not-an-owner @carol",
        "[Section]",
      ].join("\n"),
    );
    expect(rules).toEqual([
      { pattern: "*", owners: ["@acme/platform", "@alice"], line: 3 },
      { pattern: "docs/#notes.md", owners: ["docs@acme.com"], line: 4 },
      { pattern: "/my dir/", owners: ["@bob"], line: 5 },
      { pattern: "*.js", owners: ["@carol"], line: 6 },
    ]);
    expect(problems.map((p) => p.line)).toEqual([6, 7]);
  });

  it("maps @org/team to a group and @user to a user", () => {
    expect(codeownerToEntityRef("@acme/Platform-Team")).toBe("group:default/platform-team");
    expect(codeownerToEntityRef("@alice")).toBe("user:default/alice");
    expect(codeownerToEntityRef("@alice", { namespace: "github" })).toBe("user:github/alice");
    expect(codeownerToEntityRef("alice@example.com")).toBeNull();
    expect(codeownerToEntityRef("@other/team", { org: "acme" })).toBeNull();
  });

  it("infers the repository owner from the last rule covering everything", () => {
    const text = "* @acme/old-owners\n/docs/ @acme/writers\n* @acme/payments @bob\n*.ts @acme/frontend\n";
    expect(ownerFromCodeowners(text)).toEqual({
      ref: "group:default/payments",
      source: "codeowners",
      detail: "CODEOWNERS line 3: * @acme/payments",
    });
    expect(ownerFromCodeowners("* owners@acme.com @carol\n")?.ref).toBe("user:default/carol");
    expect(ownerFromCodeowners("/docs/ @acme/writers\n")).toBeNull();
    // A trailing `*` without owners un-assigns the repository.
    expect(ownerFromCodeowners("* @acme/payments\n*\n")).toBeNull();
    expect(ownerFromCodeowners("* @elsewhere/team @acme/core\n", { org: "acme" })?.ref).toBe("group:default/core");
  });

  it("picks the team with the strongest permission when there is no CODEOWNERS", () => {
    const teams = [
      { slug: "readers", permission: "pull" as const },
      { slug: "writers", permission: "push" as const },
      { slug: "zeta-admins", permission: "admin" as const },
      { slug: "alpha-admins", permission: "ADMIN" as const },
      { slug: "maintainers", permission: "MAINTAIN" as const },
    ];
    expect(pickTopTeam(teams)?.slug).toBe("alpha-admins");
    expect(pickTopTeam(teams.slice(0, 2))?.slug).toBe("writers");
    expect(pickTopTeam([])).toBeNull();
    expect(inferRepositoryOwner({ codeowners: null, teams })).toMatchObject({
      ref: "group:default/alpha-admins",
      source: "top-team",
    });
    expect(inferRepositoryOwner({ codeowners: "* @acme/owners", teams })).toMatchObject({
      ref: "group:default/owners",
      source: "codeowners",
    });
    expect(inferRepositoryOwner({ codeowners: "/src/ @acme/owners", teams: [] })).toBeNull();
  });
});

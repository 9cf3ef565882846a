import { afterEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "@stagedoor/connectors/testing";
import { FAKE_TOKEN, startGitHub, testDeps } from "@stagedoor/core/integrations-testing";
import { githubConfigOf } from "@stagedoor/core";
import { uniqueSlug } from "@stagedoor/db/testing";
import { callerFor, db, signedInUser } from "../../testing/caller";

const deps = testDeps();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function orgWithOwner() {
  const owner = await signedInUser();
  const slug = uniqueSlug();
  await callerFor(owner).org.create({ name: "Team", slug });
  return callerFor(owner, slug, deps);
}

const form = (baseUrl: string, token: string) => ({
  name: "GitHub",
  baseUrl,
  owner: "acme",
  auth: { type: "token" as const, token },
  catalogPaths: ["catalog-info.yaml"],
  syncIntervalMinutes: 30,
  syncTeams: true,
  registerReposWithoutCatalog: false,
});

describe("saving a GitHub connection", () => {
  it("refuses credentials whose connection test fails, with the test's message, and stores nothing", async () => {
    fake = await startGitHub({ org: "acme" });
    const api = await orgWithOwner();
    const refused = api.integrations.saveGithub(form(fake.url, "github_pat_wrong"));
    await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Not saved/) });
    expect(await api.integrations.list()).toEqual([]);
  });

  it("keeps working credentials when new ones fail, and lets settings change while GitHub is unreachable", async () => {
    fake = await startGitHub({ org: "acme" });
    const api = await orgWithOwner();
    const { id } = await api.integrations.saveGithub(form(fake.url, FAKE_TOKEN));
    await expect(api.integrations.saveGithub({ ...form(fake.url, "github_pat_wrong"), id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const [kept] = await api.integrations.list();
    expect(kept).toMatchObject({ status: "connected", config: { tokenLast4: FAKE_TOKEN.slice(-4) } });
    expect(await api.integrations.testGithub({ id, owner: "acme", auth: { type: "saved" } })).toMatchObject({
      ok: true,
    });

    const url = fake.url;
    await fake.close();
    fake = undefined;
    await api.integrations.saveGithub({ ...form(url, ""), auth: { type: "saved" }, id, syncIntervalMinutes: 60 });
    expect(githubConfigOf((await api.integrations.list())[0]!).syncIntervalMinutes).toBe(60);
    expect(await db.admin.integration.count({ where: { id } })).toBe(1);
  });
});

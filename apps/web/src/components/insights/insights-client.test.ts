import { describe, expect, it } from "vitest";
import { pageOf } from "./insights-client";

describe("pageOf", () => {
  it("names pages without record ids, and entity pages by kind", () => {
    expect(pageOf("")).toEqual({ plugin: "home", page: "/", entityPage: false });
    expect(pageOf("/catalog")).toEqual({ plugin: "catalog", page: "/catalog", entityPage: false });
    expect(pageOf("/catalog/component/default/payments")).toEqual({
      plugin: "catalog",
      page: "/catalog/component",
      entityPage: true,
    });
    expect(pageOf("/settings/sso")).toEqual({ plugin: "settings", page: "/settings/sso", entityPage: false });
    expect(pageOf("/plugins/scorecards")).toEqual({
      plugin: "scorecards",
      page: "/plugins/scorecards",
      entityPage: false,
    });
  });
});

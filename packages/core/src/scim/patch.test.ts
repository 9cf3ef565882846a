import { describe, expect, it } from "vitest";
import { parseScimFilter } from "./filter";
import { applyScimPatch } from "./patch";

const user = () => ({
  userName: "jane@example.test",
  name: { givenName: "Jane", familyName: "Doe" },
  emails: [{ value: "jane@example.test", type: "work", primary: true }],
  active: true,
});

describe("SCIM filters", () => {
  it("parses the lookups Okta and Entra ID send, joined with and", () => {
    expect(parseScimFilter('userName eq "jane@example.test"', ["username"])).toEqual([
      { attribute: "username", value: "jane@example.test" },
    ]);
    expect(
      parseScimFilter('externalId eq "a\\"b" and urn:ietf:params:scim:schemas:core:2.0:User:userName EQ \'x\'', [
        "externalid",
        "username",
      ]),
    ).toEqual([
      { attribute: "externalid", value: 'a"b' },
      { attribute: "username", value: "x" },
    ]);
  });

  it("refuses what it cannot answer exactly, with invalidFilter", () => {
    for (const filter of ['userName co "j"', 'userName eq "a" or userName eq "b"', "userName", 'title eq "x"']) {
      expect(() => parseScimFilter(filter, ["username"])).toThrow(
        expect.objectContaining({ code: "BAD_REQUEST", details: { scimType: "invalidFilter" } }),
      );
    }
  });
});

describe("SCIM PATCH", () => {
  it("applies Okta's no-path replace (ignoring the id it repeats)", () => {
    const out = applyScimPatch(user(), [{ op: "replace", value: { id: "u1", active: false } }]);
    expect(out).toEqual({ ...user(), active: false });
  });

  it("applies Entra ID's capitalised ops, sub-attribute paths and filtered paths", () => {
    const out = applyScimPatch(user(), [
      { op: "Replace", path: "name.familyName", value: "Smith" },
      { op: "Add", path: 'emails[type eq "work"].value', value: "jane.smith@example.test" },
      { op: "Add", path: 'emails[type eq "home"].value', value: "jane@home.test" },
      { op: "Replace", path: "active", value: "False" },
      { op: "Add", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", value: "R&D" },
    ]);
    expect(out).toEqual({
      userName: "jane@example.test",
      name: { givenName: "Jane", familyName: "Smith" },
      emails: [
        { value: "jane.smith@example.test", type: "work", primary: true },
        { type: "home", value: "jane@home.test" },
      ],
      active: "False",
    });
  });

  it("adds and removes group members as both providers send them", () => {
    const group = { displayName: "Eng", members: [{ value: "a" }, { value: "b" }] };
    expect(
      applyScimPatch(group, [{ op: "add", path: "members", value: [{ value: "c", display: "C" }, { value: "a" }] }]),
    ).toEqual({ displayName: "Eng", members: [{ value: "a" }, { value: "b" }, { value: "c", display: "C" }] });
    expect(applyScimPatch(group, [{ op: "remove", path: 'members[value eq "a"]' }])).toEqual({
      displayName: "Eng",
      members: [{ value: "b" }],
    });
    expect(applyScimPatch(group, [{ op: "Remove", path: "members", value: [{ $ref: null, value: "b" }] }])).toEqual({
      displayName: "Eng",
      members: [{ value: "a" }],
    });
    expect(applyScimPatch(group, [{ op: "Replace", path: "displayName", value: "Platform" }]).displayName).toBe(
      "Platform",
    );
    expect(applyScimPatch(group, [{ op: "remove", path: "members" }])).toEqual({ displayName: "Eng" });
  });

  it("refuses unknown ops, bad paths and a remove without a path, with SCIM error types", () => {
    const cases: [unknown, string][] = [
      [{ op: "move", path: "x" }, "invalidSyntax"],
      [{ op: "remove" }, "noTarget"],
      [{ op: "replace", path: "emails[type ne 1]" }, "invalidPath"],
      [{ op: "replace", value: "x" }, "invalidValue"],
    ];
    for (const [op, scimType] of cases) {
      expect(() => applyScimPatch(user(), [op as never])).toThrow(expect.objectContaining({ details: { scimType } }));
    }
  });
});

import { describe, expect, it } from "vitest";
import { canonicalJson, entityHash } from "./canonical-json";
import { parseCatalogFile } from "./parse-catalog-file";

const hashOf = (text: string) => parseCatalogFile(text, { file: "x.yaml" }).documents[0]?.entity?.hash;

const ORDERED = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  labels: {a: "1", b: "2"}
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

const REORDERED = `spec:
  owner: team-a
  lifecycle: production
  type: service
metadata:
  labels: {b: "2", a: "1"}
  name: orders
kind: Component
apiVersion: backstage.io/v1alpha1
`;

describe("entity hash", () => {
  it("does not change with key order", () => {
    expect(hashOf(REORDERED)).toBe(hashOf(ORDERED));
    expect(entityHash({ a: 1, b: { c: [1, 2], d: null } })).toBe(entityHash({ b: { d: null, c: [1, 2] }, a: 1 }));
  });

  it("changes when a field changes", () => {
    expect(hashOf(ORDERED.replace("production", "experimental"))).not.toBe(hashOf(ORDERED));
    expect(entityHash({ a: [1, 2] })).not.toBe(entityHash({ a: [2, 1] }));
  });

  it("treats an explicit default namespace like an omitted one", () => {
    expect(hashOf(ORDERED.replace("  name: orders\n", "  name: orders\n  namespace: default\n"))).toBe(hashOf(ORDERED));
  });

  it("is a sha256 hex digest", () => {
    expect(entityHash({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: [{ z: 1, y: 2 }], a: "x" })).toBe('{"a":"x","b":[{"y":2,"z":1}]}');
  });

  it("writes values the way JSON would store them", () => {
    expect(canonicalJson({ n: Number.NaN, i: Infinity, u: undefined, d: new Date(0) })).toBe(
      '{"d":"1970-01-01T00:00:00.000Z","i":null,"n":null}',
    );
  });
});

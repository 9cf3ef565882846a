import { describe, it, expect } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { EntityDetail } from "@stagedoor/core/catalog-types";
import { AboutCard } from "./about-card";

// The entity page's links come straight from catalog-info.yaml (Backstage accepts any URL
// there); only http, https and mailto may become clickable.
function render(links: Array<{ url: string; title?: string }>): string {
  const entity = {
    description: null,
    owner: null,
    system: null,
    type: "service",
    lifecycle: "production",
    tags: [],
    source: { type: "PUSH", key: "manual" },
    origin: { display: 'catalog-info.yaml (registered as "manual")', viewUrl: null, editUrl: null, refresh: null },
    file: "catalog-info.yaml",
    entity: { apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "x", links } },
  } as unknown as EntityDetail;
  return renderToStaticMarkup(createElement(AboutCard, { slug: "acme", entity }));
}

describe("AboutCard links", () => {
  it("renders http, https and mailto links as links", () => {
    const html = render([
      { url: "https://runbooks.example/x", title: "Runbook" },
      { url: "mailto:team@example.com", title: "Mail" },
    ]);
    expect(html).toContain('href="https://runbooks.example/x"');
    expect(html).toContain('href="mailto:team@example.com"');
  });

  it.each([
    "javascript:alert(document.cookie)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:x",
  ])("renders %j as text without an href", (url) => {
    const html = render([{ url, title: "Docs" }]);
    expect(html).toContain(">Docs</span>");
    expect(html).not.toMatch(/href="(?!\/acme)/);
  });
});

import type { Doc } from "./corpus-case";

const core = (kind: string, name: string, spec: Doc, apiVersion = "backstage.io/v1alpha1"): Doc => ({
  apiVersion,
  kind,
  metadata: { name },
  spec,
});

/** A minimal valid entity of every kind: only what each kind requires. */
export const MINIMAL: Readonly<Record<string, Doc>> = {
  Component: core("Component", "orders-service", { type: "service", lifecycle: "production", owner: "team-a" }),
  API: core("API", "orders-api", {
    type: "openapi",
    lifecycle: "production",
    owner: "team-a",
    definition: "openapi: 3.0.0\ninfo:\n  title: Orders\n",
  }),
  Resource: core("Resource", "orders-db", { type: "database", owner: "team-a" }),
  System: core("System", "commerce", { owner: "team-a" }),
  Domain: core("Domain", "retail", { owner: "team-a" }),
  Group: core("Group", "team-a", { type: "team", children: [] }),
  User: core("User", "jdoe", { memberOf: [] }),
  Location: core("Location", "more-things", {}),
  Template: core("Template", "react-app", { type: "website", steps: [] }, "scaffolder.backstage.io/v1beta3"),
};

/** A valid entity of every kind with every optional field the kind knows. */
export const FULL: Readonly<Record<string, Doc>> = {
  Component: {
    apiVersion: "backstage.io/v1beta1",
    kind: "Component",
    metadata: {
      name: "checkout",
      namespace: "shop",
      title: "Checkout",
      description: "Takes the money.",
      labels: { "example.com/tier": "gold", team: "" },
      annotations: { "github.com/project-slug": "acme/checkout", "backstage.io/techdocs-ref": "dir:." },
      tags: ["java", "c++", "node:20"],
      links: [{ url: "https://grafana.example.com/d/1", title: "Dashboard", icon: "dashboard", type: "metrics" }],
      customField: { anything: [1, "two", null] },
    },
    spec: {
      type: "service",
      lifecycle: "experimental",
      owner: "group:shop/payments",
      system: "commerce",
      subcomponentOf: "component:default/shop-frontend",
      providesApis: ["checkout-api", "api:payments/refunds"],
      consumesApis: ["orders-api"],
      dependsOn: ["resource:orders-db", "component:ns2/ledger"],
      dependencyOf: ["component:shop-frontend"],
      extra: "fields the schema does not list are free",
    },
  },
  API: core("API", "payments-api", {
    type: "grpc",
    lifecycle: "production",
    owner: "user:jdoe",
    system: "system:other/payments",
    definition: 'syntax = "proto3";',
  }),
  Resource: core("Resource", "bucket", {
    type: "s3-bucket",
    owner: "team-a",
    dependsOn: ["resource:kms-key"],
    dependencyOf: "component:uploader",
    system: "commerce",
  }),
  System: core("System", "payments", { owner: "team-a", domain: "retail", type: "product" }),
  Domain: core("Domain", "retail-eu", { owner: "team-a", subdomainOf: "retail", type: "bundle" }),
  Group: core("Group", "payments", {
    type: "team",
    profile: { displayName: "Payments", email: "payments@example.com", picture: "https://example.com/p.png" },
    parent: "engineering",
    children: ["payments-eu", "group:other/payments-us"],
    members: ["jdoe", "user:ops/asmith"],
  }),
  User: core("User", "asmith", {
    profile: { displayName: "A. Smith", email: "asmith@example.com", picture: "https://example.com/a.png" },
    memberOf: ["payments", "group:ops/oncall"],
  }),
  Location: core("Location", "org-data", {
    type: "url",
    target: "https://github.com/acme/org/blob/main/users.yaml",
    targets: ["./groups.yaml", "./systems.yaml"],
    presence: "optional",
  }),
  Template: {
    apiVersion: "scaffolder.backstage.io/v1beta3",
    kind: "Template",
    metadata: { name: "service-template", title: "New service", tags: ["recommended"] },
    spec: {
      owner: "group:platform",
      type: "service",
      lifecycle: "production",
      parameters: [
        {
          title: "Basics",
          required: ["name"],
          properties: { name: { type: "string", "ui:autofocus": true } },
          "backstage:permissions": { tags: ["admin"] },
        },
        { title: "Repository", properties: { repoUrl: { type: "string", "ui:field": "RepoUrlPicker" } } },
      ],
      secrets: { schema: { type: "object" } },
      presentation: { buttonLabels: { backButtonText: "Back", createButtonText: "Go", reviewButtonText: "Check" } },
      EXPERIMENTAL_recovery: { EXPERIMENTAL_strategy: "startOver" },
      EXPERIMENTAL_formDecorators: [{ id: "hook", input: { a: 1 } }],
      steps: [
        { id: "fetch", name: "Fetch", action: "fetch:template", input: { url: "./skeleton" } },
        { id: "publish", action: "publish:github", if: "${{ parameters.repoUrl }}" },
        { action: "catalog:register", if: false, "backstage:permissions": { tags: ["x"] } },
      ],
      output: {
        links: [
          { title: "Repo", url: "https://github.com/acme/x", if: true },
          { entityRef: "component:x", icon: "catalog" },
        ],
        text: [{ title: "Done", content: "**ok**", if: "${{ true }}" }],
        remoteUrl: "${{ steps.publish.output.remoteUrl }}",
      },
    },
  },
};

export const KINDS = Object.keys(MINIMAL);

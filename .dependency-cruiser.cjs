// Layering as lint rules (docs/architecture.md, "Layers"): the arrows only point down,
//   apps/web, apps/worker, packages/cli → packages/api → packages/core → packages/catalog,
//   packages/connectors, packages/db
// and nothing imports upward or in a cycle. Workspace packages (`@stagedoor/*`) are
// resolved through their node_modules symlinks to their real files (preserveSymlinks:
// false), so `import … from "@stagedoor/db"` counts as an import of packages/db/src/…
// and the path rules below see it. Run with `npm run lint:layers` (part of `npm run lint`).

// There are no known violations: lint fails on any one.

const layer = (name, path, mayNotImport, comment) => ({
  name,
  comment,
  severity: "error",
  from: { path },
  to: { path: mayNotImport },
});

module.exports = {
  forbidden: [
    layer(
      "db-is-the-bottom",
      "^packages/db/",
      "^(apps|packages/(api|core|catalog|connectors|cli))/",
      "packages/db wraps the Prisma client: it imports no other layer.",
    ),
    layer(
      "catalog-is-pure",
      "^packages/catalog/",
      "^(apps|packages/(api|core|connectors|db|cli))/",
      "packages/catalog is the Backstage entity model: pure, no I/O, no database.",
    ),
    layer(
      "connectors-never-touch-the-db",
      "^packages/connectors/",
      "^(apps|packages/(api|core|db|cli))/",
      "packages/connectors fetch and normalise: no database, no domain services.",
    ),
    layer(
      "core-below-api",
      "^packages/core/",
      "^(apps|packages/(api|cli))/",
      "packages/core holds the domain services: it never imports the API layer or an app.",
    ),
    layer(
      "api-below-apps",
      "^packages/api/",
      "^(apps|packages/cli)/",
      "packages/api (tRPC, REST, webhooks) is called by the apps, never the other way round.",
    ),
    layer("web-not-worker", "^apps/web/", "^apps/worker/", "The two apps share code through packages only."),
    layer("worker-not-web", "^apps/worker/", "^apps/web/", "The two apps share code through packages only."),
    layer("cli-not-apps", "^packages/cli/", "^apps/", "The CLI is a client: it shares code through packages only."),
    {
      name: "app-pages-not-to-db",
      comment:
        "Pages and route handlers (apps/web/src/app) go through core services, which use the " +
        "org-bound client: they never import @stagedoor/db themselves.",
      severity: "error",
      from: { path: "^apps/web/src/app/" },
      to: { path: "^packages/db/" },
    },
    {
      name: "no-circular",
      comment: "Import cycles hide which module owns what; break them by moving the shared part down.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that cannot be resolved is an import the rules above cannot check.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    includeOnly: "^(apps|packages)/",
    exclude: {
      path: ["node_modules", "/\\.next/", "/dist/", "^packages/db/src/generated/", "next-env\\.d\\.ts$"],
    },
    // Follow workspace symlinks to the real files so path rules apply to @stagedoor/* imports.
    preserveSymlinks: false,
    // Dependencies are declared per workspace and hoisted to the root: look in both.
    combinedDependencies: true,
    // Type-only imports are still dependencies between layers.
    tsPreCompilationDeps: true,
    // For apps/web's "@/…" alias. An absolute path: with a relative one the tool resolves the
    // file's "extends" against the working directory and fails.
    tsConfig: { fileName: `${__dirname}/apps/web/tsconfig.json` },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};

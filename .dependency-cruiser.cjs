// Module boundaries that `npm run lint` enforces (README, "Module boundaries"). Each rule's comment is
// the reason printed when an import breaks it. Tests (*.test.ts and their *.test-support.ts helpers)
// are outside the rules: they wire real modules together to set up a scene.
const notTest = '\\.test(-support)?\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Files import each other in a circle: move what both need into a file of its own, so that load order and ownership stay one-way.',
      from: { pathNot: notTest },
      // `import type` counts too: erased at run time, it still ties two files' ownership in a knot, and
      // moving the shared type into a file of its own always breaks it.
      to: { circular: true },
    },
    {
      name: 'platform-imports-no-module',
      severity: 'error',
      comment:
        'platform/ is infrastructure with no medical or channel knowledge: take what it needs from a module as a parameter injected in app.ts.',
      from: { path: '^src/platform/', pathNot: notTest },
      to: { path: '^src/(modules|channels)/' },
    },
    {
      name: 'no-other-module-repository',
      severity: 'error',
      comment:
        "A module reaches another module through that module's service (or an event registered in app.ts), never through its repository.",
      from: { path: '^src/modules/([^/]+)/', pathNot: notTest },
      to: { path: '^src/modules/[^/]+/.+\\.repository\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'no-other-module-table',
      severity: 'error',
      comment:
        "A module never queries another module's tables: ask that module's service (a schema file may still reference another table for a foreign key).",
      from: { path: '^src/modules/([^/]+)/', pathNot: [notTest, '\\.schema\\.ts$'] },
      // A type-only import of a row type does not touch the table; it is the shape the owner's service returns.
      to: {
        path: '^src/modules/[^/]+/.+\\.schema\\.ts$',
        pathNot: '^src/modules/$1/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'channel-no-module-repository',
      severity: 'error',
      comment:
        "Channel code reaches a module through the module's service (or an event registered in app.ts), never through its repository.",
      from: { path: '^src/channels/', pathNot: notTest },
      to: { path: '^src/modules/.+\\.repository\\.ts$' },
    },
    {
      name: 'channel-no-module-table',
      severity: 'error',
      comment:
        "Channel code never queries a module's tables: ask the module's service (a schema file may still reference a table for a foreign key).",
      from: { path: '^src/channels/', pathNot: [notTest, '\\.schema\\.ts$'] },
      to: { path: '^src/modules/.+\\.schema\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'channel-adapter-imports-no-module',
      severity: 'error',
      comment:
        'A channel adapter (src/channels/<channel>/) only translates between its provider and the channel port (channel-adapter.ts): what a clinic decides lives in a module, which asks the adapter, never the other way round.',
      from: { path: '^src/channels/[^/]+/', pathNot: notTest },
      to: { path: '^src/modules/' },
    },
    {
      name: 'web-imports-no-server-code',
      severity: 'error',
      comment:
        'The web app is built for the browser and talks to the server over HTTP only: share a type through the OpenAPI document, not an import from src/.',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    parser: 'swc',
    // swc reports `import type` (marked type-only) whatever this says; `true` would ask for the
    // TypeScript compiler API, which TypeScript 7.0 does not have.
    tsPreCompilationDeps: false,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^web/(dist|node_modules)/' },
    baseline: { mode: 'shrink-only', staleEntriesSeverity: 'error' },
  },
};

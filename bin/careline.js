#!/usr/bin/env -S node --max-semi-space-size=4
// Careline runs its TypeScript sources directly: Node (22.18+, 24) strips the types as it loads them
// (erasable syntax only, tsconfig's erasableSyntaxOnly holds the line), so there is no build step to forget.
// --max-semi-space-size=4 (MB; also in `npm start`): Node 24 lets the young generation grow to 32 MB per
// semi-space while the modules load, and keeps it; with 4 MB an idle Careline holds ~130 MB less.
import module from 'node:module';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `Careline needs Node.js 24 (or 22.18 and later); this is ${process.version}.\n` +
      'Run it with `.ci/node 24 <command>`, which fetches Node 24 from the npm registry.\n',
  );
  process.exit(1);
}
// Compiled code is kept between runs (in the OS temporary directory): a restart compiles less.
module.enableCompileCache();
const { registerEsmPackageResolve } = await import('../src/platform/runtime/esm-package-resolve.ts');
registerEsmPackageResolve();
await import('../src/cli/main.ts');

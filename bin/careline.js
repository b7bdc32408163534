#!/usr/bin/env node
// Careline runs its TypeScript sources directly: Node (22.18+, 24) strips the types as it loads them
// (erasable syntax only, tsconfig's erasableSyntaxOnly holds the line), so there is no build step to forget.
await import('../src/cli/main.ts');

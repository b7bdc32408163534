// Fails when an import makes two folders depend on each other, which dependency-cruiser's own rules
// cannot say. Reads `depcruise --output-type json` on stdin (see `lint:deps` in package.json):
//   depcruise src web --config .dependency-cruiser.cjs --output-type json | node <this file>
// Known cycles are listed in .dependency-cruiser-known-folder-cycles.json; only new ones fail, and a
// listed cycle that is gone fails too until the list is shrunk with `--update-baseline`.
import { readFileSync, writeFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { type CruisedModule, edgeKey, folderCycleEdges } from './folder-cycles.ts';

const BASELINE = '.dependency-cruiser-known-folder-cycles.json';
const REASON =
  'Two folders import each other: one capability must sit below the other; let the lower one publish an event or take a function from the composition root (src/app.ts).';

const args = new Set(process.argv.slice(2));
const cruised: { modules: CruisedModule[] } = JSON.parse(await text(process.stdin));
const edges = folderCycleEdges(cruised.modules);
const known = readBaseline();

if (args.has('--update-baseline')) {
  // Shrink only: a cycle is written down once, when the list is first made (`--full`), never added later.
  const kept = edges.map(edgeKey).filter((key) => args.has('--full') || known.has(key));
  writeFileSync(BASELINE, `${JSON.stringify(kept, null, 2)}\n`);
  console.log(`${BASELINE}: ${kept.length} known folder cycle edges (was ${known.size})`);
} else {
  const found = new Set(edges.map(edgeKey));
  const added = edges.filter((edge) => !known.has(edgeKey(edge)));
  const stale = [...known].filter((key) => !found.has(key));
  for (const edge of added) {
    console.log(`\n  error no-folder-cycle: ${edgeKey(edge)}`);
    console.log(`    via ${edge.via}; back: ${edge.back.join(' → ')}`);
    console.log(`    ${REASON}`);
  }
  for (const key of stale) {
    console.log(`\n  error no-folder-cycle: ${key} is no longer a cycle: run \`npm run lint:deps:baseline\``);
  }
  const summary = `${edges.length} folder cycle edges, ${edges.length - added.length} known (${BASELINE})`;
  if (added.length > 0 || stale.length > 0) {
    console.log(`\nx ${added.length} new, ${stale.length} stale; ${summary}`);
    process.exitCode = 1;
  } else {
    console.log(`✔ no new folder cycle: ${summary}`);
  }
}

function readBaseline(): Set<string> {
  try {
    const list: unknown = JSON.parse(readFileSync(BASELINE, 'utf8'));
    return new Set(Array.isArray(list) ? list.filter((key) => typeof key === 'string') : []);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return new Set();
    throw error;
  }
}

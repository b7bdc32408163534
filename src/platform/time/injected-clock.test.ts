import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** Where time must come from the injected Clock (the simulator keeps its own, src/simulator). */
const GUARDED = ['src/modules', 'src/channels'];
/** `new Date()` and `Date.now()` read the machine's time; `new Date(x)` only converts and is fine. */
const CURRENT_TIME = /\bnew Date\(\s*\)|\bDate\.now\(\s*\)/;

describe('modules and channels read the time from the injected Clock', () => {
  it('no code under src/modules or src/channels reads the machine’s time itself', () => {
    const reads = GUARDED.flatMap((dir) => productionFilesUnder(join(ROOT, dir))).flatMap(currentTimeReadsIn);
    expect(
      reads,
      'take a Clock (or a `now: Date`) from the caller instead: see src/platform/time/clock.ts',
    ).toEqual([]);
  });

  it('the guard finds a reading of the time, and lets conversions and comments pass', () => {
    const source = [
      'const at = new Date(row.at);',
      '// new Date() in a comment says why, not what',
      'const now = new Date();',
      'const ms = Date.now() - started;',
    ].join('\n');
    expect(currentTimeReads('x.ts', source)).toEqual([
      'x.ts:3: const now = new Date();',
      'x.ts:4: const ms = Date.now() - started;',
    ]);
  });
});

function productionFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !/\.test(-support)?\.ts$/.test(name))
    .map((name) => join(dir, name));
}

function currentTimeReadsIn(path: string): string[] {
  return currentTimeReads(relative(ROOT, path), readFileSync(path, 'utf8'));
}

function currentTimeReads(name: string, source: string): string[] {
  return source.split('\n').flatMap((line, index) => {
    const code = line.trim();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return [];
    return CURRENT_TIME.test(code) ? [`${name}:${index + 1}: ${code}`] : [];
  });
}

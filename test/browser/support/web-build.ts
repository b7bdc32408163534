import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const WEB = fileURLToPath(new URL('../../../web/', import.meta.url));
export const WEB_DIST = join(WEB, 'dist');
const LOCK = join(tmpdir(), 'careline-web-build.lock');

/**
 * web/dist, built from the current sources: reused when it is newer than every source file, else
 * rebuilt once (test files running in parallel wait for the one that builds).
 */
export async function builtWebApp(): Promise<string> {
  const deadline = Date.now() + 120_000;
  while (!isFresh()) {
    if (tryLock()) {
      try {
        if (!isFresh()) {
          await build({ configFile: join(WEB, 'vite.config.ts'), root: WEB, logLevel: 'warn' });
        }
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
    } else {
      if (Date.now() > deadline) throw new Error(`web build lock ${LOCK} held for too long; remove it`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return WEB_DIST;
}

function isFresh(): boolean {
  const built = mtime(join(WEB_DIST, 'index.html'));
  if (built === 0) return false;
  const sources = [
    join(WEB, 'index.html'),
    join(WEB, 'vite.config.ts'),
    ...files(join(WEB, 'src')),
    ...files(join(WEB, 'public')),
  ];
  return sources.every((file) => mtime(file) <= built);
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    // A lock left by a run that died holds nobody: take it over after two minutes.
    if (Date.now() - mtime(LOCK) > 120_000) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

function files(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

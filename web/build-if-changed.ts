/**
 * `npm start` runs this first: it builds the web app (`npm run build:web`) only when what the build
 * reads has changed since the last build, so a restart costs a fingerprint (a few milliseconds), not a
 * Vite build. The fingerprint covers web/ (but web/dist) and the lockfile; it is kept in web/dist.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'web');
const STAMP = join(WEB, 'dist', '.sources-fingerprint');

const current = fingerprint();
const built = existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : '';
if (current !== built) {
  process.stdout.write('web app sources changed since the last build: building it (npm run build:web)\n');
  execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(STAMP, current);
}

/** SHA-256 over the path and content of every file the build reads, in a stable order. */
function fingerprint(): string {
  const hash = createHash('sha256');
  const files = [...filesUnder(WEB), join(ROOT, 'package-lock.json')].sort();
  for (const file of files) {
    hash.update(relative(ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(WEB, 'dist') && entry.name !== 'node_modules') yield* filesUnder(path);
    } else if (entry.isFile()) yield path;
  }
}

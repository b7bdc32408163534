import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folders of a WhatsApp corpus: webhook bodies in the first three, Graph API answers in the last. */
export const CORPUS_FOLDERS = ['inbound', 'statuses', 'other', 'graph-responses'] as const;

export type CorpusFolder = (typeof CORPUS_FOLDERS)[number];

/**
 * The shared corpus folder when it is there, else null after one line saying where it was looked for.
 * Only a missing folder counts as "not there": a folder that exists but is empty is a broken corpus, and
 * the replay fails on it rather than quietly testing less.
 */
export function locateCorpus(
  folder: URL,
  announce: (line: string) => void,
  channel: { name: string; fixtures: string } = { name: 'WhatsApp', fixtures: 'fixtures/whatsapp' },
): URL | null {
  if (existsSync(folder)) return folder;
  announce(
    `${channel.name} conformance: external corpus not found in ${fileURLToPath(folder)}; ` +
      `running the project fixtures only (test/conformance/${channel.fixtures}/).`,
  );
  return null;
}

export interface FolderFiles {
  /** `X` for every `X.json` that is not an expected file. */
  payloads: string[];
  /** `X` for every `X.expected.json`. */
  expected: string[];
  /** Anything else: a file the replay would silently skip. */
  stray: string[];
}

/** The files of one corpus folder, sorted; a missing folder holds none. */
export function filesIn(root: URL, folder: string): FolderFiles {
  const url = new URL(`${folder}/`, root);
  const names = existsSync(url) ? readdirSync(url).sort() : [];
  const files: FolderFiles = { payloads: [], expected: [], stray: [] };
  for (const name of names) {
    if (name.endsWith('.expected.json')) files.expected.push(name.slice(0, -'.expected.json'.length));
    else if (name.endsWith('.json')) files.payloads.push(name.slice(0, -'.json'.length));
    else files.stray.push(name);
  }
  return files;
}

/** Entries of the corpus root that are not a folder the replay reads (a new folder would go untested). */
export function unexpectedEntries(root: URL, known: readonly string[] = CORPUS_FOLDERS): string[] {
  return readdirSync(root)
    .filter((name) => !known.includes(name))
    .sort();
}

/**
 * Each payload of the named folders of a corpus with its expected file, for a replay to compare: the
 * folders that exist are listed first, so a replay can also say that every folder has fixtures and no
 * stray file (see {@link corpusFolderProblems}).
 */
export function corpusCases(
  root: URL,
  folders: readonly string[],
  /** How a payload's JSON is read (Viber's 64-bit ids need their digits kept); `JSON.parse` by default. */
  readPayload: (text: string) => unknown = JSON.parse,
): Array<{ folder: string; name: string; body: unknown; expected: unknown }> {
  return folders.flatMap((folder) =>
    filesIn(root, folder).payloads.map((name) => ({
      folder,
      name,
      body: readPayload(readFileSync(new URL(`${folder}/${name}.json`, root), 'utf8')),
      expected: readCorpusJson(root, folder, `${name}.expected.json`),
    })),
  );
}

/** What is wrong with a corpus folder: no fixture, a payload without its expected file or the reverse, a stray file. */
export function corpusFolderProblems(root: URL, folder: string): string[] {
  const files = filesIn(root, folder);
  return [
    ...(files.payloads.length === 0 ? [`no fixture in ${folder}/`] : []),
    ...files.payloads
      .filter((name) => !files.expected.includes(name))
      .map((name) => `${name}: no expected file`),
    ...files.expected.filter((name) => !files.payloads.includes(name)).map((name) => `${name}: no payload`),
    ...files.stray.map((name) => `${name}: stray file`),
  ];
}

export function readCorpusJson(root: URL, folder: string, file: string): unknown {
  return JSON.parse(readFileSync(new URL(`${folder}/${file}`, root), 'utf8'));
}

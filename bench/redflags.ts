/**
 * `npm run bench -- redflags`: how well and how fast the red-flag screener reads patient messages. No
 * database, no network: it screens the evaluation set of `src/modules/flows/red-flags/evaluation/` and
 * prints recall per category and overall, the false-alarm rate, every miss and every false alarm (the
 * figures the evaluation test asserts, from the same module), then times screening.
 *
 * Timing: 1,000-character messages of several kinds, p50/p99 each (target: p99 < 1 ms, since every
 * patient message is screened): long rambling ordinary text built from the ordinary set, the same with
 * one emergency clause, text of never-seen words (nothing remembered), and adversarial text (one word
 * repeated, no spaces, many negations, numbers, emojis). Then 10,000- and 100,000-character adversarial
 * inputs, to show the cost grows linearly.
 *
 *   --runs 2000   timed screenings per kind of 1,000-character message (after 200 to warm up)
 *   --seed 1      seed of the generator that builds the messages
 */
import { loadavg } from 'node:os';
import { evaluateRedFlags } from '../src/modules/flows/red-flags/evaluation/evaluate-red-flags.ts';
import {
  EVALUATION_EMERGENCIES,
  EVALUATION_ORDINARY,
} from '../src/modules/flows/red-flags/evaluation/evaluation-set.ts';
import { screenForRedFlags } from '../src/modules/flows/red-flags/screen-for-red-flags.ts';
import { Flags } from './lib/args.ts';
import { fmt, percentile, say, verdict } from './lib/stats.ts';

const MESSAGE_LENGTH = 1_000;
const P99_TARGET_MS = 1;
const WARM_UP_RUNS = 200;

export async function runRedFlags(argv: string[]): Promise<void> {
  const flags = new Flags(argv);
  const runs = flags.number('runs', 2000, { min: 10, max: 1_000_000 });
  const seed = flags.number('seed', 1);
  flags.rejectUnknown();

  reportAccuracy();
  const random = seededRandom(seed);
  const p99s = reportTiming(random, runs);
  reportLongInputs();
  say();
  say(
    `p99 < ${P99_TARGET_MS} ms for every kind of 1,000-character message: ${verdict(p99s.every((p) => p < P99_TARGET_MS))}`,
  );
  await Promise.resolve();
}

function reportAccuracy(): void {
  const evaluation = evaluateRedFlags(
    (message) => screenForRedFlags(message),
    EVALUATION_EMERGENCIES,
    EVALUATION_ORDINARY,
  );
  say('# Accuracy on the evaluation set');
  say(`${'category'.padEnd(24)} found / emergencies  recall`);
  for (const figures of evaluation.byCategory) {
    say(
      `${figures.category.padEnd(24)} ${`${figures.found} / ${figures.emergencies}`.padEnd(19)} ${fmt(figures.recall * 100)} %`,
    );
  }
  say(
    `${'overall'.padEnd(24)} ${`${evaluation.found} / ${evaluation.emergencies}`.padEnd(19)} ${fmt(evaluation.recall * 100)} %` +
      `  (flagged at all: ${evaluation.flaggedAtAll}; advice from their own category: ${evaluation.adviceRight})`,
  );
  say(
    `false alarms: ${evaluation.falseAlarms.length} / ${evaluation.ordinary} ordinary messages = ${fmt(evaluation.falseAlarmRate * 100)} %`,
  );
  say();
  say(`## Misses (${evaluation.misses.length})`);
  for (const miss of evaluation.misses) {
    say(
      `- ${miss.expected}: ${JSON.stringify(miss.message)} → ${miss.got.length === 0 ? 'nothing' : miss.got.join(', ')}`,
    );
  }
  say(`## False alarms (${evaluation.falseAlarms.length})`);
  for (const alarm of evaluation.falseAlarms) {
    say(
      `- ${alarm.got.join(', ')} on ${JSON.stringify(alarm.matched.join(' | '))}: ${JSON.stringify(alarm.message)}`,
    );
  }
  say(`## Found, but the advice comes from a more urgent category (${evaluation.otherAdvice.length})`);
  for (const other of evaluation.otherAdvice) {
    say(`- ${other.expected} after ${other.got[0] ?? ''}: ${JSON.stringify(other.message)}`);
  }
  say();
}

/** Prints p50/p99 per kind of 1,000-character message; returns the p99s. */
function reportTiming(random: () => number, runs: number): number[] {
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  };
  const rambling = (): string => {
    let text = '';
    while (text.length < MESSAGE_LENGTH) text += `${pick(EVALUATION_ORDINARY)}. `;
    return text.slice(0, MESSAGE_LENGTH);
  };
  const kinds: ReadonlyArray<readonly [name: string, build: () => string]> = [
    ['rambling ordinary text', rambling],
    [
      'rambling text + one emergency clause',
      () => {
        const [emergency] = pick(EVALUATION_EMERGENCIES);
        const text = rambling();
        const at = Math.floor(random() * (MESSAGE_LENGTH - emergency.length));
        return `${text.slice(0, at)}, ${emergency}, ${text.slice(at)}`.slice(0, MESSAGE_LENGTH);
      },
    ],
    ['never-seen words (cold)', () => fill(() => randomWord(random))],
    ['one word repeated', () => fill(() => pick(['douleur', 'poitrine', 'pas', 'respirer', 'chest']))],
    ['no spaces', () => fill(() => pick(['douleur', 'poitrine', 'x']), '')],
    [
      'many negations',
      () => fill(() => pick(['pas de douleur thoracique', 'no chest pain or', 'ni fievre'])),
    ],
    [
      'numbers and units',
      () => fill(() => `${Math.floor(random() * 500)} ${pick(['comprimes', 'mg', 'semaines', 'ans'])}`),
    ],
    ['emojis and punctuation', () => fill(() => pick(['😭', '🙏🏽', '!!!', '?', '...', '❤️']))],
  ];

  say(
    `# Screening time, ${MESSAGE_LENGTH}-character messages (${runs} runs each, after ${WARM_UP_RUNS} to warm up)`,
  );
  // Wall-clock times: on a shared machine a busy neighbour shows in the p99, so say how busy it was; the
  // CPU time this process spent screening (process.cpuUsage) does not count the waits for a core.
  say(
    `load average ${loadavg()
      .map((load) => fmt(load, 2))
      .join(' ')}`,
  );
  const p99s: number[] = [];
  for (const [name, build] of kinds) {
    const messages = Array.from({ length: runs + WARM_UP_RUNS }, build);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    messages.forEach((message, i) => {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      screenForRedFlags(message);
      const wall = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      if (i >= WARM_UP_RUNS) {
        times.push(wall);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
      }
    });
    const p99 = percentile(times, 99);
    p99s.push(p99);
    say(
      `${name.padEnd(38)} wall p50 ${fmt(percentile(times, 50), 3)} p99 ${fmt(p99, 3)} ms` +
        `   cpu p50 ${fmt(percentile(cpuTimes, 50), 3)} p99 ${fmt(percentile(cpuTimes, 99), 3)} ms`,
    );
  }
  return p99s;
}

/** Very long inputs: the time per character must stay flat from 10,000 to 100,000 characters. */
function reportLongInputs(): void {
  const inputs: ReadonlyArray<readonly [name: string, build: (length: number) => string]> = [
    ['one token repeated (« douleur »)', (length) => 'douleur '.repeat(length / 8 + 1)],
    ['one very long token', (length) => 'a'.repeat(length)],
    ['one very long token of a lexicon word', (length) => 'poitrine'.repeat(length / 8 + 1)],
    [
      'alternating negations',
      (length) => 'pas de douleur thoracique no chest pain or '.repeat(length / 40 + 1),
    ],
    ['suicidal wording repeated', (length) => 'je veux mourir '.repeat(length / 15 + 1)],
    ['a number repeated', (length) => '38,5 '.repeat(length / 5 + 1)],
  ];
  say();
  say('# Very long inputs (one screening each, after one warm-up)');
  for (const [name, build] of inputs) {
    const [short, long] = [10_000, 100_000].map((length) => {
      const text = build(length).slice(0, length);
      screenForRedFlags(text);
      const start = performance.now();
      screenForRedFlags(text);
      return performance.now() - start;
    });
    say(`${name.padEnd(40)} 10k chars ${fmt(short ?? 0)} ms  100k chars ${fmt(long ?? 0)} ms`);
  }
}

function fill(piece: () => string, separator = ' '): string {
  let text = '';
  while (text.length < MESSAGE_LENGTH) text += `${piece()}${separator}`;
  return text.slice(0, MESSAGE_LENGTH);
}

function randomWord(random: () => number): string {
  const length = 3 + Math.floor(random() * 9);
  return Array.from({ length }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
}

/** mulberry32: the same messages for the same seed, so two runs time the same work. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

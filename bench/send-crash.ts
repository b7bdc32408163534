/**
 * `npm run bench -- send-crash`: outbound replies through repeated `kill -9` during sending. Patients
 * write, the replies are queued, then Careline sends them and is SIGKILLed during a send call again and
 * again (the simulator, playing Meta, accepts that call and retries its status webhooks until Careline
 * is back), until a last start sends the rest. Prints what Meta received: sends, kills, duplicates,
 * losses. The CI test test/crash/outbound-crash.int.test.ts is the small version of the same run.
 *
 *   --engine postgres|pglite    the database (postgres: a database of its own on TEST_DATABASE_URL's server)
 *   --patients 100              conversations
 *   --replies-per-patient 20    a patient's replies go out as one burst, within Meta's pair limit
 *   --kills 10                  SIGKILLs, each during a send call
 *   --kill-during-send 40-150   each start is killed during its n-th send call, n drawn in this range
 *   --echo-wait-seconds 60      OUTBOX_ECHO_WAIT_SECONDS for the run (Careline's default is 300); it must
 *                               outlast the simulator's webhook lag under this load, or re-sends come first
 *   --settle-seconds 180        how long the last start may take to send the rest
 */
import type { DbEngine } from '../src/platform/db/db.ts';
import { runOutboundCrash } from '../test/crash/outbound-crash-run.ts';
import { Flags } from './lib/args.ts';
import { fmt, say, verdict } from './lib/stats.ts';

export async function runSendCrash(argv: string[]): Promise<void> {
  const flags = new Flags(argv);
  const engine = engineOf(flags.string('engine', 'postgres'));
  const range = flags.string('kill-during-send', '40-150').match(/^(\d+)-(\d+)$/);
  const low = Number(range?.[1]);
  const high = Number(range?.[2]);
  if (!range || low < 1 || high < low) throw new Error('--kill-during-send must be a range like 40-150');
  const options = {
    engine,
    patients: flags.number('patients', 100, { min: 1, max: 10_000 }),
    repliesPerPatient: flags.number('replies-per-patient', 20, { min: 1, max: 45 }),
    kills: flags.number('kills', 10, { min: 0, max: 100 }),
    killDuringSend: [low, high] as const,
    echoWaitSeconds: flags.number('echo-wait-seconds', 60, { min: 1, max: 3600 }),
    settleTimeoutMs: flags.number('settle-seconds', 180, { min: 10, max: 3600 }) * 1000,
  };
  flags.rejectUnknown();

  say(`# Outbound crash benchmark — ${new Date().toISOString()}`);
  say(
    `${options.patients * options.repliesPerPatient} replies over ${options.patients} conversations on ${engine}; ` +
      `${options.kills} kills, each during send call ${low}–${high} of its start; echo wait ${options.echoWaitSeconds} s`,
  );
  const started = Date.now();
  const figures = await runOutboundCrash({ ...options, progress: (line) => say(`  ${line}`) });

  const losses = figures.missing.length + figures.notSent.length;
  say('');
  say('## What Meta received');
  say(`  replies queued:            ${figures.replies}`);
  say(`  kills during a send call:  ${figures.kills.length}`);
  say(`  accepted sends:            ${figures.acceptedSends}`);
  say(`  duplicates:                ${figures.duplicates.length}`);
  say(
    `  losses:                    ${losses} (${figures.missing.length} never reached Meta, ${figures.notSent.length} not ended sent)`,
  );
  say(`  refused by Meta:           ${figures.refused.length}`);
  say(`  wamid kept ≠ one Meta gave: ${figures.wrongWamid.length}`);
  say(
    `  left sending at each kill: ${figures.kills.map((k) => k.leftSending).join(' ')} ` +
      `(of which never left, waiting the echo window: ${figures.kills.map((k) => k.neverLeft).join(' ')})`,
  );
  say(
    `  sending took ${fmt(figures.sendingSeconds)} s; the last start settled after ${fmt(figures.afterLastStartSeconds)} s ` +
      `(${figures.settled ? 'every reply settled' : 'NOT settled before the timeout'}); whole run ${fmt((Date.now() - started) / 1000)} s`,
  );
  for (const d of figures.duplicates.slice(0, 10))
    say(
      `  duplicated ${d.messageId}: sent at ${d.sentAt.join(', ')}; first send's status webhook acknowledged ` +
        `${d.echoAcknowledgedAt ?? 'never'}`,
    );
  if (losses > 0)
    say(`  lost: ${JSON.stringify([...figures.missing.slice(0, 5), ...figures.notSent.slice(0, 5)])}`);
  say('');
  say('## Verdict');
  say(
    `0 duplicates and 0 losses over ${figures.replies} replies and ${figures.kills.length} kills: ` +
      verdict(
        figures.duplicates.length === 0 &&
          losses === 0 &&
          figures.refused.length === 0 &&
          figures.kills.length === options.kills,
      ),
  );
}

function engineOf(name: string): DbEngine {
  if (name === 'postgres' || name === 'pglite') return name;
  throw new Error('--engine must be postgres or pglite');
}

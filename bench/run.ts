/**
 * `npm run bench -- <ingest|send|send-crash|live|inbox|reminders|redflags|search|startup|uploads|media-download|fuzz|broadcast> [flags]`: Careline's load benchmarks. Each one creates its own
 * PostgreSQL database(s) `careline_bench_*` on 127.0.0.1 (BENCH_DATABASE_URL or TEST_DATABASE_URL to
 * choose the server) and drops them at the end. Only loopback traffic; every load is bounded.
 */
import { runBroadcast } from './broadcast.ts';
import { runFuzz } from './fuzz.ts';
import { runInbox } from './inbox.ts';
import { runIngest } from './ingest.ts';
import { runLive } from './live.ts';
import { runMediaDownload } from './media-download.ts';
import { runRedFlags } from './redflags.ts';
import { runReminders } from './reminders.ts';
import { runSearch } from './search.ts';
import { runSend } from './send.ts';
import { runSendCrash } from './send-crash.ts';
import { runStartup } from './startup.ts';
import { runUploads } from './uploads.ts';

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (argv: string[]) => Promise<void>> = {
  ingest: runIngest,
  send: runSend,
  'send-crash': runSendCrash,
  live: runLive,
  inbox: runInbox,
  reminders: runReminders,
  startup: runStartup,
  redflags: runRedFlags,
  search: runSearch,
  uploads: runUploads,
  'media-download': runMediaDownload,
  fuzz: runFuzz,
  broadcast: runBroadcast,
};

const run = command ? commands[command] : undefined;
if (!run) {
  process.stderr.write(
    'usage: npm run bench -- <ingest|send|send-crash|live|inbox|reminders|redflags|search|startup|uploads|media-download|fuzz|broadcast> [--flag value ...]  (see bench/*.ts)\n',
  );
  process.exit(2);
}
try {
  await run(rest);
  process.exit(0);
} catch (error) {
  process.stderr.write(
    `bench ${command} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}

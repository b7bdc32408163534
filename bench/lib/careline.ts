import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../test/crash/careline-process.ts';

export { type CarelineProcess, freePort, sleep, spawnCareline } from '../../test/crash/careline-process.ts';

const run = promisify(execFile);

/** Runs one `careline` CLI command with this environment; resolves with what it printed on stdout. */
export async function careline(env: Record<string, string>, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, ['bin/careline.js', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
      timeout: 60_000,
    });
    return stdout;
  } catch (error) {
    const detail =
      error && typeof error === 'object' && 'stderr' in error ? String(error.stderr) : String(error);
    throw new Error(`careline ${args[0]} failed: ${detail}`);
  }
}

export interface BenchClinic {
  slug: string;
  apiKey: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
}

/** A clinic, an API key and a WhatsApp channel, made with the CLI as an operator would. */
export async function setUpClinic(
  env: Record<string, string>,
  graphUrl: string,
  options: { messagesPerSecond?: number } = {},
): Promise<BenchClinic> {
  const slug = `bench-${randomBytes(3).toString('hex')}`;
  const clinic: BenchClinic = {
    slug,
    apiKey: '',
    phoneNumberId: '106540352242922',
    wabaId: '102290129340398',
    accessToken: `bench-token-${randomBytes(12).toString('hex')}`,
    appSecret: `bench-secret-${randomBytes(12).toString('hex')}`,
    verifyToken: `bench-verify-${randomBytes(6).toString('hex')}`,
  };
  await careline(env, ['create-org', '--name', `Bench ${slug}`, '--slug', slug]);
  clinic.apiKey = (await careline(env, ['create-api-key', '--org', slug, '--name', 'bench'])).trim();
  if (!clinic.apiKey.startsWith('cl_')) throw new Error(`create-api-key printed no key: "${clinic.apiKey}"`);
  await careline(env, [
    'add-whatsapp-channel',
    '--org',
    slug,
    '--phone-number-id',
    clinic.phoneNumberId,
    '--access-token',
    clinic.accessToken,
    '--app-secret',
    clinic.appSecret,
    '--verify-token',
    clinic.verifyToken,
    '--graph-url',
    graphUrl,
    '--api-version',
    'v25.0',
    '--waba-id',
    clinic.wabaId,
    '--display-phone-number',
    '+33180000000',
    ...(options.messagesPerSecond ? ['--messages-per-second', String(options.messagesPerSecond)] : []),
  ]);
  return clinic;
}

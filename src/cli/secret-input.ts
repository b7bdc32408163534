import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ConfigError } from '../config.ts';

/** A secret a command needs, and the ways it may come. */
export interface SecretSource {
  /** The old command-line option, e.g. `--access-token`. */
  flag: string;
  /** The environment variable preferred to it, e.g. `WHATSAPP_ACCESS_TOKEN`. */
  env: string;
  /** What the prompt asks for, e.g. `System User access token`. */
  label: string;
}

export interface SecretIo {
  env: NodeJS.ProcessEnv;
  /** Standard input is a terminal someone can type into. */
  interactive: boolean;
  prompt(question: string): Promise<string>;
  warn(line: string): void;
}

const processIo: SecretIo = {
  env: process.env,
  interactive: Boolean(process.stdin.isTTY),
  prompt: (question) => promptHidden(question),
  warn: (line) => process.stderr.write(`${line}\n`),
};

/**
 * A secret from the environment, else typed at a prompt that does not echo, else (still accepted,
 * with a warning) from its command-line option, which any user of the machine sees in `ps` and which
 * stays in the shell's history. Without any of them: one line naming the variable to set.
 */
export async function readSecret(
  source: SecretSource,
  flagValue: string | undefined,
  io: SecretIo = processIo,
): Promise<string> {
  const fromEnv = io.env[source.env];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (flagValue !== undefined) io.warn(`warning: ${source.flag} ignored: ${source.env} is set and wins`);
    return fromEnv;
  }
  if (flagValue !== undefined) {
    io.warn(
      `warning: ${source.flag} is visible to other users (ps) and kept in shell history: set ${source.env} instead, or leave it out to be asked`,
    );
    return flagValue;
  }
  if (io.interactive) {
    const typed = await io.prompt(`${source.label}: `);
    if (typed !== '') return typed;
  }
  throw new ConfigError(`${source.label} missing: set ${source.env} (or run on a terminal to be asked)`);
}

/** The same, when the secret is optional: from the environment or the option, never asked for. */
export function optionalSecret(
  source: SecretSource,
  flagValue: string | undefined,
  io: SecretIo = processIo,
): string | undefined {
  const fromEnv = io.env[source.env];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (flagValue !== undefined) {
    io.warn(
      `warning: ${source.flag} is visible to other users (ps) and kept in shell history: set ${source.env} instead`,
    );
  }
  return flagValue;
}

/** Asks on stderr (stdout may be piped) and reads a line without showing what is typed. */
export function promptHidden(
  question: string,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let muted = false;
    const screen = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        if (!muted) output.write(chunk);
        done();
      },
    });
    const lines = createInterface({ input, output: screen, terminal: true });
    lines.on('SIGINT', () => {
      lines.close();
      output.write('\n');
      reject(new ConfigError('cancelled'));
    });
    lines.question(question, (answer) => {
      lines.close();
      output.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { ConfigError } from '../config.ts';
import { promptHidden, readSecret, type SecretIo } from './secret-input.ts';

const TOKEN = { flag: '--access-token', env: 'WHATSAPP_ACCESS_TOKEN', label: 'System User access token' };

function io(env: NodeJS.ProcessEnv, typed?: string): SecretIo & { warnings: string[]; asked: string[] } {
  const warnings: string[] = [];
  const asked: string[] = [];
  return {
    env,
    interactive: typed !== undefined,
    prompt: async (question) => {
      asked.push(question);
      return typed ?? '';
    },
    warn: (line) => warnings.push(line),
    warnings,
    asked,
  };
}

describe('readSecret', () => {
  test('the environment wins over the option, which still works with a warning', async () => {
    const both = io({ WHATSAPP_ACCESS_TOKEN: 'from-env' });
    expect(await readSecret(TOKEN, 'from-flag', both)).toBe('from-env');
    expect(both.warnings).toEqual(['warning: --access-token ignored: WHATSAPP_ACCESS_TOKEN is set and wins']);

    const flagOnly = io({});
    expect(await readSecret(TOKEN, 'from-flag', flagOnly)).toBe('from-flag');
    expect(flagOnly.warnings[0]).toContain('visible to other users (ps)');
  });

  test('on a terminal it asks; elsewhere it names the variable to set', async () => {
    const terminal = io({}, 'typed-token');
    expect(await readSecret(TOKEN, undefined, terminal)).toBe('typed-token');
    expect(terminal.asked).toEqual(['System User access token: ']);
    expect(terminal.warnings).toEqual([]);

    const script = readSecret(TOKEN, undefined, io({}));
    await expect(script).rejects.toBeInstanceOf(ConfigError);
    await expect(script).rejects.toThrow('set WHATSAPP_ACCESS_TOKEN');
  });
});

describe('promptHidden', () => {
  test('shows the question, not what is typed', async () => {
    const keyboard = Object.assign(new PassThrough(), { isTTY: true });
    const screen = new PassThrough();
    let shown = '';
    screen.on('data', (chunk: Buffer) => {
      shown += chunk.toString();
    });
    const answer = promptHidden('App secret: ', keyboard, screen);
    keyboard.write('s3cr3t-value\r');
    expect(await answer).toBe('s3cr3t-value');
    expect(shown).toContain('App secret: ');
    expect(shown).not.toContain('s3cr3t');
  });
});

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const depcruise = `${root}node_modules/dependency-cruiser/bin/dependency-cruiser.mjs`;
const folderCycles = `${root}scripts/dependency-rules/check-folder-cycles.ts`;
const config = `${root}.dependency-cruiser.cjs`;

/** Runs the project's rules (`npm run lint:deps`) on a fixture tree, as if it were the repository. */
function cruise(fixture: string, outputType: 'err-long' | 'json') {
  const cwd = fileURLToPath(new URL(`./fixtures/${fixture}/`, import.meta.url));
  const run = spawnSync(
    process.execPath,
    [depcruise, 'src', 'web', '--config', config, '--output-type', outputType],
    {
      cwd,
      encoding: 'utf8',
    },
  );
  // err-long wraps the reasons; one line reads the same.
  return { cwd, status: run.status, json: run.stdout, output: oneLine(run.stdout + run.stderr) };
}

function checkFolderCycles(fixture: string) {
  const cruised = cruise(fixture, 'json');
  const run = spawnSync(process.execPath, [folderCycles], {
    cwd: cruised.cwd,
    input: cruised.json,
    encoding: 'utf8',
  });
  return { status: run.status, output: oneLine(run.stdout + run.stderr) };
}

function oneLine(output: string): string {
  return output.replace(/\s+/g, ' ');
}

describe('module boundary rules (npm run lint:deps)', () => {
  test('a module that calls another module through its service passes', () => {
    const { status, output } = cruise('clean', 'err-long');
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
    expect(checkFolderCycles('clean').status).toBe(0);
  });

  test('each kind of forbidden import fails the build, with the rule and its reason', () => {
    const { status, output } = cruise('violations', 'err-long');
    expect(status).not.toBe(0);
    expect(output).toContain(
      'error no-other-module-repository: src/modules/outbox/send.service.ts → src/modules/inbox/conversation.repository.ts',
    );
    expect(output).toContain("through that module's service");
    expect(output).toContain('error no-other-module-table: src/modules/outbox/send.service.ts');
    expect(output).toContain('error platform-imports-no-module: src/platform/events/event.routes.ts');
    expect(output).toContain('platform/ is infrastructure with no medical or channel knowledge');
    expect(output).toContain('error channel-no-module-repository: src/channels/webhook.job.ts');
    expect(output).toContain('error web-imports-no-server-code: web/src/inbox-page.ts');
    expect(output).toContain('error no-circular: src/modules/reminders/reminder.service.ts');
    expect(output).toContain('move what both need into a file of its own');
    // The noise dependency-cruiser prints when it cannot use TypeScript 7.0's compiler (swc parses here).
    expect(output).not.toContain('missing-tsc-transpiler');
  });

  test('two module folders importing each other fail, with the way back and the reason', () => {
    const { status, output } = checkFolderCycles('violations');
    expect(status).toBe(1);
    expect(output).toContain('error no-folder-cycle: src/modules/reminders → src/modules/scheduling');
    expect(output).toContain('back: src/modules/scheduling → src/modules/reminders');
    expect(output).toContain('one capability must sit below the other');
  });
});

import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { registerAuditCommands } from './audit-commands.ts';
import { registerDataCommands } from './data-commands.ts';
import { registerKeyCommands } from './key-commands.ts';
import { runCli } from './run-cli.ts';
import { registerServeCommand } from './serve-command.ts';
import { registerSimulatorCommands } from './simulator-commands.ts';
import { registerTwoFactorCommands } from './two-factor-commands.ts';

// Variables already in the environment win over the file.
if (existsSync('.env')) process.loadEnvFile('.env');

const program = new Command('careline')
  .description('Careline: patient messaging for clinics (WhatsApp first).')
  .showHelpAfterError();

registerServeCommand(program);
registerDataCommands(program);
registerKeyCommands(program);
registerAuditCommands(program);
registerSimulatorCommands(program);
registerTwoFactorCommands(program);

await runCli(program, process.argv);

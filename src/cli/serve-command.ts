import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { serve } from '../main.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve', { isDefault: true })
    .description('Run Careline: HTTP API, webhooks and the job worker (and the simulator in demo mode)')
    .action(async () => {
      const running = await serve(loadConfig());
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await running.stop();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}

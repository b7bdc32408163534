import type { Command } from 'commander';
import { verifyAuditChains } from '../modules/audit/audit-chain-verify.ts';
import { requireOrg } from '../modules/orgs/org.service.ts';
import { withDatabase } from './with-database.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Checks the audit trail's hash chains; exit status 1 when one is broken. */
export function registerAuditCommands(program: Command): void {
  program
    .command('verify-audit')
    .description('Walk each clinic’s audit chain and report the first broken link (exit 1 when broken)')
    .option('--org <slug-or-id>', 'only this clinic')
    .action((o: { org?: string }) =>
      withDatabase(async (db) => {
        const orgId = o.org ? (await requireOrg(db, o.org)).id : undefined;
        const reports = await verifyAuditChains(db, orgId);
        if (reports.length === 0) say('No audit records yet.');
        for (const report of reports) {
          say(
            report.broken
              ? `clinic ${report.orgId}: BROKEN at seq ${report.broken.seq}: ${report.broken.problem} (${report.checked} records checked before it)`
              : `clinic ${report.orgId}: ${report.checked} records checked, chain intact`,
          );
        }
        if (reports.some((r) => r.broken)) process.exitCode = 1;
      }),
    );
}

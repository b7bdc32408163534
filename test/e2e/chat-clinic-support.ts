import { seedDemoScheduling } from '../../src/demo/demo-scheduling.ts';
import { installBuiltInFlows } from '../../src/modules/flows/flow.service.ts';
import { BUILT_IN_TEAMS } from '../../src/modules/flows/library/built-in-teams.ts';
import { createTeam } from '../../src/modules/teams/team.service.ts';
import type { DbEngine } from '../../src/platform/db/db.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';

/**
 * Careline and the simulator, and a clinic as patients meet it in a chat: the built-in teams and flows
 * (welcome, booking, safety net…) and the demo clinic's practitioners, hours and appointment types.
 */
export async function startChatClinic(
  engine: DbEngine,
  name: string,
  options: Parameters<typeof startTestCareline>[1] = {},
): Promise<{ env: TestCareline; clinic: TestClinic }> {
  const env = await startTestCareline(engine, options);
  const clinic = await env.addClinic(name);
  for (const team of Object.values(BUILT_IN_TEAMS)) {
    await createTeam(env.handle.db, clinic.org.id, { name: team, assignmentMode: 'round_robin' });
  }
  await installBuiltInFlows(env.handle.db, clinic.org.id);
  await seedDemoScheduling(env.handle.db, clinic.org.id);
  return { env, clinic };
}

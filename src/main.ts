import { buildCareline } from './app.ts';
import { scheduleWebhookJournalRetention } from './channels/webhook-journal-retention.job.ts';
import type { Config } from './config.ts';
import { attachSimulatedChannels } from './demo/attach-simulated-channels.ts';
import { attachSimulatedNumbers, runsSimulator } from './demo/attach-simulator.ts';
import { type DemoCredentials, seedDemoClinic } from './demo/demo-clinic.ts';
import { Keyring } from './modules/keys/keyring.ts';
import { schedulePrivacyRetention } from './modules/privacy/retention.job.ts';
import { masterCipherFor } from './platform/crypto/master-key.ts';
import { createDb } from './platform/db/create-db.ts';
import { loopbackUrl } from './platform/http/loopback-url.ts';
import { createLogger } from './platform/logger.ts';
import { LocalEncryptedMediaStore } from './platform/media/local-encrypted-media-store.ts';
import { sealExistingData } from './seal-existing-data.ts';
import { WhatsAppSimulator } from './simulator/whatsapp-simulator.ts';

export interface RunningCareline {
  url: string;
  stop(): Promise<void>;
}

/** The composition root: config → database → services → HTTP → worker (→ simulator in demo mode). */
export async function serve(config: Config): Promise<RunningCareline> {
  const logger = createLogger({ level: config.logLevel, pretty: config.logPretty });
  const handle = await createDb(
    config.database.engine === 'postgres'
      ? { engine: 'postgres', url: config.database.url }
      : { engine: 'pglite', dataDir: config.database.dataDir },
  );
  try {
    await handle.migrate();
    const cipher = masterCipherFor(config.secretKey);
    // At start (it encrypts the bodies an older version left plain), then hourly.
    await scheduleWebhookJournalRetention(handle.db, new Date());
    // Clinics' retention policies: at start (a day missed while stopped), then daily.
    await schedulePrivacyRetention(handle.db, new Date());
    const demo = config.demoSeed ? await seedDemoClinic(handle.db, new Keyring(cipher)) : null;
    const simulator = (await runsSimulator(handle.db, config))
      ? new WhatsAppSimulator({ logger: logger.child({ component: 'simulator' }) })
      : undefined;
    const mediaStore = new LocalEncryptedMediaStore({ root: config.mediaDir, cipher });
    const abandoned = await mediaStore.removeAbandonedWrites();
    if (abandoned > 0) logger.info({ files: abandoned }, 'removed media files a crash left half-written');
    const careline = await buildCareline({
      db: handle.db,
      engine: handle.engine,
      listen: handle.listen,
      logger,
      whatsapp: config.whatsapp,
      outbound: config.outbound,
      mediaStore,
      fieldCipher: cipher,
      webhookFailedRetentionMs: config.webhookFailedRetentionMs,
      reconcileAfterMs: config.outboxEchoWaitMs,
      ...(simulator ? { simulator } : {}),
      ...(config.simulatorToken ? { simulatorToken: config.simulatorToken } : {}),
      trustProxy: config.trustProxy,
      publicUrl: config.publicUrl,
      ...(config.rateLimits ? { rateLimits: config.rateLimits } : {}),
      sessions: config.sessions,
    });
    await careline.http.listen({ port: config.port, host: config.host });
    const url = loopbackUrl(careline.http.server.address());
    if (simulator) {
      await attachSimulatedNumbers(handle.db, simulator, url, careline.secretsOf);
      await attachSimulatedChannels(handle.db, simulator, url, careline.secretsOf, logger);
    }
    if (config.worker) {
      careline.worker.start();
      // In the background: readers accept plain and sealed values alike while it runs.
      void sealExistingData(handle.db, careline.keyring, logger.child({ component: 'seal-existing-data' }));
    }
    if (demo) printDemoCredentials(demo, config);
    logger.info(
      {
        url: config.publicUrl,
        database: handle.engine,
        simulator: Boolean(simulator),
        worker: config.worker,
      },
      'Careline is listening',
    );

    return {
      url,
      async stop() {
        await careline.close();
        await simulator?.close();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function printDemoCredentials(demo: DemoCredentials, config: Config): void {
  // Printed to the terminal, never logged: this is the only time the password and key are shown.
  const lines = [
    '',
    '  Careline demo clinic created (shown once, keep them):',
    `    clinic        ${demo.orgSlug}`,
    `    admin e-mail  ${demo.adminEmail}`,
    `    password      ${demo.adminPassword}`,
    `    API key       ${demo.apiKey}`,
    '',
    '  Play a patient:  npx careline simulate-patient --phone +33612345678 --text "Bonjour"',
    `  Then:            curl -H "Authorization: Bearer ${demo.apiKey}" ${config.publicUrl}/api/v1/conversations`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

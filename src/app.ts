import fastifyCookie from '@fastify/cookie';
import type { FastifyBaseLogger } from 'fastify';
import type { Logger } from 'pino';
import { channelAccountSetups } from './channel-account-setups.ts';
import { adapterList, createChannelAdapters, templateListerOf } from './channel-adapters.ts';
import { fetchLineQuotaOf } from './channels/line/line-quota.ts';
import { openAdapterAccount } from './channels/open-adapter-account.ts';
import {
  DEFAULT_FAILED_RETENTION_DAYS,
  runWebhookJournalRetention,
  webhookJournalRetentionQueue,
} from './channels/webhook-journal-retention.job.ts';
import { channelWebhookQueue, whatsappWebhookQueue } from './channels/webhook-queues.ts';
// WhatsApp care groups (Cloud API Groups): the module, the Groups API client and its port.
import { WhatsAppGroupsClient } from './channels/whatsapp/graph-groups-client.ts';
import { WHATSAPP_LIMITS } from './channels/whatsapp/whatsapp-capabilities.ts';
import { carelineSimulatorAccess } from './demo/simulator-access.ts';
import { alertRoutes } from './modules/alerts/alert.routes.ts';
import { closeAlertsOfForgottenDeliveries } from './modules/alerts/alert.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { recordChange } from './modules/audit/audit.service.ts';
import { changeCallerOf, recordReadsIn } from './modules/audit/audit-trail.ts';
import { requireAccessRules } from './modules/auth/access-guard.ts';
import { accessSettingsRoutes } from './modules/auth/access-settings.routes.ts';
import { activeSessionRoutes } from './modules/auth/active-sessions.routes.ts';
import { guardApi } from './modules/auth/api-guard.ts';
import { sessionRoutes } from './modules/auth/session.routes.ts';
import { deleteSessionsOfUser, type SessionPolicy } from './modules/auth/session.service.ts';
import { twoFactorRoutes } from './modules/auth/two-factor.routes.ts';
import { broadcastJobHandlers, broadcastRoutes } from './modules/broadcasts/broadcast.routes.ts';
import { cannedReplyRoutes } from './modules/canned-replies/canned-reply.routes.ts';
import { careGroupRoutes } from './modules/care-groups/care-group.routes.ts';
import { applyCareGroupEvent, type CareGroupsApi } from './modules/care-groups/care-group.service.ts';
import { channelAccountRoutes } from './modules/channel-accounts/channel-account.routes.ts';
import type { ChannelAccount } from './modules/channel-accounts/channel-account.schema.ts';
import { ChannelSecretsVault, type SecretsOf } from './modules/channel-accounts/channel-secrets.ts';
import { consentKeywordInterceptor } from './modules/consent/consent-keywords.interceptor.ts';
import { contactRoutes } from './modules/contacts/contact.routes.ts';
import { exportScheduleRoutes } from './modules/exports/export-schedule.routes.ts';
import { exportRoutes } from './modules/exports/exports.routes.ts';
import { runScheduledExport } from './modules/exports/scheduled-export.job.ts';
import { scheduledExportQueue } from './modules/exports/scheduled-export-queue.ts';
import { fhirRoutes } from './modules/fhir/fhir.routes.ts';
import { FHIR_PREFIX } from './modules/fhir/fhir-deps.ts';
import { ehrLookupOperations } from './modules/fhir-sync/fhir-lookup.operations.ts';
import { fhirSyncJobHandlers } from './modules/fhir-sync/fhir-sync.queues.ts';
import { fhirSyncRoutes } from './modules/fhir-sync/fhir-sync.routes.ts';
import type { FhirSyncDeps } from './modules/fhir-sync/fhir-sync-deps.ts';
import { automationRoutes } from './modules/flows/automation.routes.ts';
import { automationOf, pauseAutomation } from './modules/flows/automation-control.service.ts';
import { queueClosingAutomation } from './modules/flows/conversation-automation.ts';
import { flowRoutes } from './modules/flows/flow.routes.ts';
import { flowsQueue } from './modules/flows/flow-queue.ts';
import { processFlowJob } from './modules/flows/flow-runtime.service.ts';
import type { FlowRuntimeDeps } from './modules/flows/flow-runtime-deps.ts';
import { contactPanelRoutes } from './modules/inbox/contact-panel.routes.ts';
import { conversationRoutes } from './modules/inbox/conversation.routes.ts';
import { isConversationVisibleTo, openConversationCounts } from './modules/inbox/conversation.service.ts';
import type { ConversationHooks } from './modules/inbox/conversation-hooks.ts';
import { liveEventCallerOf } from './modules/inbox/live-event-caller.ts';
import { findMessage } from './modules/inbox/message.repository.ts';
import { openOneMessage } from './modules/inbox/message-sealing.ts';
import { patientChannelsRoutes } from './modules/inbox/patient-channels.routes.ts';
import { handBackWorkOf } from './modules/inbox/staff-departure.service.ts';
import { adapterDeliveryReader } from './modules/ingest/adapter-delivery-reader.ts';
import {
  channelMediaDownloadQueue,
  downloadChannelMedia,
  legacyWhatsAppMediaDownloadQueue,
  queueChannelMediaDownloads,
} from './modules/ingest/channel-media-download.job.ts';
import { channelWebhookRoutes } from './modules/ingest/channel-webhook.routes.ts';
import { ingestDelivery } from './modules/ingest/ingest-delivery.job.ts';
import { Keyring } from './modules/keys/keyring.ts';
import { mediaRoutes } from './modules/media/media.routes.ts';
import { attachmentsOfMessages } from './modules/media/media.service.ts';
import { requireOrg } from './modules/orgs/org.service.ts';
import { outboundWebhookQueue } from './modules/outbound-webhooks/outbound-webhook.queue.ts';
import { outboundWebhookRoutes } from './modules/outbound-webhooks/outbound-webhook.routes.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './modules/outbound-webhooks/webhook-retry.ts';
import { sendSubscriptionDeliveries } from './modules/outbound-webhooks/webhook-sender.ts';
import { AdapterSender } from './modules/outbox/adapter-sender.ts';
import { agentReplyRoutes } from './modules/outbox/agent-reply.routes.ts';
import { channelLimitsRoutes } from './modules/outbox/channel-limits.routes.ts';
import { windowPolicyOfSenders } from './modules/outbox/channel-sender.ts';
import { onOutboundFailure } from './modules/outbox/outbound-failure.ts';
import { sendQueuedMessages } from './modules/outbox/outbox-batch.service.ts';
import { outboxSendQueue } from './modules/outbox/outbox-queue.ts';
import { SendPacer, type SendPacerOptions } from './modules/outbox/pacing/send-pacer.ts';
import { markReadQueue, queueReadReceipt, sendReadReceipt } from './modules/outbox/read-receipt.service.ts';
import { smsSegmentsRoutes } from './modules/outbox/sms-segments.routes.ts';
import { patientGroupRoutes } from './modules/patient-groups/patient-group.routes.ts';
import { patientMergeRoutes } from './modules/patient-merge/patient-merge.routes.ts';
import { pharmacyRoutes } from './modules/pharmacy/pharmacy.routes.ts';
import { listPartnerViews } from './modules/pharmacy/pharmacy-partner.service.ts';
import { pharmacyReplyInterceptor } from './modules/pharmacy/pharmacy-reply.interceptor.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { privacyRetentionQueue, runRetention } from './modules/privacy/retention.job.ts';
import type { LinePushQuotaReader } from './modules/reminders/line-push-quota.ts';
import { reminderJobHandlers, reminderRoutes } from './modules/reminders/reminder.routes.ts';
import { fallBackFromFailedReminder } from './modules/reminders/reminder-fallback.ts';
import { reminderReplyInterceptor } from './modules/reminders/reminder-reply.interceptor.ts';
import { schedulingReminders } from './modules/reminders/scheduling-reminders.ts';
import { reportRoutes } from './modules/reports/report.routes.ts';
import { latestOpenRedFlags } from './modules/safety/conversation-red-flags.ts';
import { safetyInterceptor } from './modules/safety/red-flag-response.ts';
import { safetyRoutes } from './modules/safety/safety.routes.ts';
import { bookingOperations } from './modules/scheduling/booking.operations.ts';
import {
  calendarFeedRoutes,
  schedulingJobHandlers,
  schedulingRoutes,
} from './modules/scheduling/scheduling.routes.ts';
import type { SchedulingDeps } from './modules/scheduling/scheduling-deps.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { stockNoticeRoutes } from './modules/stock-notices/stock-notice.routes.ts';
import type { PharmacyDirectory } from './modules/stock-notices/stock-notice.service.ts';
import { channelRoutingOf } from './modules/teams/channel-routing.service.ts';
import { teamRoutes } from './modules/teams/team.routes.ts';
import { templateRoutes } from './modules/templates/template.routes.ts';
import { syncChannelTemplates } from './modules/templates/template-sync.job.ts';
import { templateSyncQueue } from './modules/templates/template-sync-queue.ts';
import { userRoutes } from './modules/users/user.routes.ts';
import { touchLastSeen } from './modules/users/user-presence.repository.ts';
import type { FieldCipher } from './platform/crypto/field-cipher.ts';
import type { DbListen } from './platform/db/create-db.ts';
import type { Db, DbEngine } from './platform/db/db.ts';
import { eventRoutes } from './platform/events/event.routes.ts';
import { createHttpServer, type HttpServer } from './platform/http/create-http-server.ts';
import { loopbackUrl } from './platform/http/loopback-url.ts';
import type { RateLimits } from './platform/http/rate-limit.ts';
import { webAppRoutes } from './platform/http/web-app.ts';
import { JobWorker, JobWorkerGroup } from './platform/jobs/job-worker.ts';
import { handle, handleBatch } from './platform/jobs/queue-handler.ts';
import type { MediaStore } from './platform/media/media-store.ts';
import { createGuardedFetch } from './platform/net/guarded-fetch.ts';
import { type Clock, systemClock } from './platform/time/clock.ts';
import { simulatorRoutes } from './simulator/simulator.routes.ts';
import type { WhatsAppSimulator } from './simulator/whatsapp-simulator.ts';

export const VERSION = '0.1.0';

export interface CarelineDeps {
  db: Db;
  engine: DbEngine;
  logger: Logger;
  /** `sendTimeoutMs`: how long a send waits for Graph's answer (default 15 s). */
  whatsapp: { graphUrl: string; apiVersion: string; sendTimeoutMs?: number };
  mediaStore: MediaStore;
  /** Encrypts data at rest (the webhook journal's bodies) with CARELINE_SECRET_KEY. */
  fieldCipher: FieldCipher;
  /** How long a failed delivery's body is kept for a retry (WEBHOOK_FAILED_RETENTION_DAYS; 30 days). */
  webhookFailedRetentionMs?: number;
  /** Mounted at /simulator when given (demo mode). */
  simulator?: WhatsAppSimulator;
  /** Lets callers from other machines use the simulator's control API; without it, this machine only. */
  simulatorToken?: string;
  /** Internal hosts flows and busy calendars may call (OUTBOUND_ALLOWED_HOSTS); none by default. */
  outbound?: { allowedHosts: readonly string[] };
  /** How often the worker looks for due jobs when nobody woke it. */
  pollIntervalMs?: number;
  /**
   * How long a send interrupted mid-call waits for Meta's status echo before it is sent again, counted
   * from its sending time or from this start, whichever is later (default 5 minutes; not the job lease).
   */
  reconcileAfterMs?: number;
  /** How long shutdown waits for requests in progress before closing their connections. */
  shutdownGraceMs?: number;
  /** Outbound pacing (defaults: Meta's 80 msg/s per number, pair bursts of 45 then one per 6 s). */
  pacing?: SendPacerOptions;
  /** LISTEN/NOTIFY of the database (DbHandle.listen): live events arrive at once; without it they are polled. */
  listen?: DbListen;
  /** Where the built web app is (default web/dist); `false` serves no web app (API only). */
  webDistDir?: string | false;
  /** The proxies whose X-Forwarded-* headers are believed (TRUST_PROXY); none when left out. */
  trustProxy?: string | false;
  /** How Careline is reached from outside; https there turns HSTS on. */
  publicUrl?: string;
  /** Requests allowed per address, API key, session and sign-in source; none when left out (tests). */
  rateLimits?: RateLimits;
  /** Browser sessions' idle and absolute lifetimes (default 4 h and 12 h). */
  sessions?: SessionPolicy;
  /** Where every module and channel reads the time (default the system's); tests move a TestClock. */
  clock?: Clock;
  /** Outbound webhooks: retries (first delay 5 s, for 3 days) and a receiver's time to answer (10 s). */
  outboundWebhooks?: { retry?: Partial<RetryPolicy>; timeoutMs?: number };
}

export interface Careline {
  http: HttpServer;
  worker: JobWorkerGroup;
  /** Seals and opens patient data at rest (tests read what the database holds through it). */
  keyring: Keyring;
  /** Opens channel secrets (the simulator's numbers are registered with them at start). */
  secretsOf: SecretsOf;
  close(): Promise<void>;
}

/**
 * What stock notices need of the pharmacy partners: whether an org is a pharmacy, and a clinic's active
 * partners with the Careline pharmacy each is paired with (null when reached on a channel).
 */
const stockNoticePharmacies: PharmacyDirectory = {
  kindOf: async (db, orgId) => (await requireOrg(db, orgId)).kind,
  partnersOf: async (db, clinicOrgId) =>
    (await listPartnerViews(db, clinicOrgId))
      .filter(({ partner }) => partner.active)
      .map(({ partner }) => ({
        id: partner.id,
        name: partner.name,
        pairedOrgId: partner.reachKind === 'careline' ? partner.pharmacyOrgId : null,
      })),
};

/** A conversation's sends (and its automation turns) keep their order within a claimed batch. */
const byConversation = { inOrderOf: (payload: { conversationId?: string }) => payload.conversationId };

/** Wires services, routes and the job worker. The caller opens the database and starts listening. */
export async function buildCareline(deps: CarelineDeps): Promise<Careline> {
  const { db, logger, mediaStore } = deps;
  const clock = deps.clock ?? systemClock;
  // Clinic and patient data keys, wrapped by the master key: what seals patient data in the database.
  const keyring = new Keyring(deps.fieldCipher);
  // Channel secrets are sealed with the clinic key; opened once per account and stored value.
  const secretsOf = new ChannelSecretsVault(db, keyring).of;
  // The channels on the port, each one folder that only translates (src/channels/<channel>/).
  const sendTimeout =
    deps.whatsapp.sendTimeoutMs !== undefined ? { timeoutMs: deps.whatsapp.sendTimeoutMs } : {};
  const adapters = createChannelAdapters({
    ...sendTimeout,
    now: () => clock.now(),
    whatsapp: { graphUrl: deps.whatsapp.graphUrl, apiVersion: deps.whatsapp.apiVersion },
    // The HTTP server listens only further down; status callbacks are asked for once it does.
    publicUrl: () => deps.publicUrl ?? loopbackUrl(http.server.address()),
  });
  const { whatsapp, telegram, messenger, instagram, line, sms, viber } = adapters;
  const adapterSenderDeps = { db, keyring, mediaStore, secretsOf };
  const senders = {
    whatsapp: new AdapterSender(whatsapp, adapterSenderDeps),
    telegram: new AdapterSender(telegram, adapterSenderDeps),
    messenger: new AdapterSender(messenger, adapterSenderDeps),
    instagram: new AdapterSender(instagram, adapterSenderDeps),
    line: new AdapterSender(line, adapterSenderDeps),
    sms: new AdapterSender(sms, adapterSenderDeps),
    viber: new AdapterSender(viber, adapterSenderDeps),
  };
  // WhatsApp care groups: Meta's Groups API on the clinic's numbers; their webhooks go to the module.
  const whatsappGroups = new WhatsAppGroupsClient({
    graphUrl: deps.whatsapp.graphUrl,
    apiVersion: deps.whatsapp.apiVersion,
    ...sendTimeout,
  });
  const openWhatsApp = async (account: Parameters<CareGroupsApi['access']>[0]) => {
    const opened = await openAdapterAccount(whatsapp, account, secretsOf);
    if (!opened.ok) throw new Error(`the WhatsApp channel’s ${opened.invalid} are not valid`);
    return opened.account;
  };
  const careGroupsApi: CareGroupsApi = {
    access: async (account) => whatsappGroups.access(await openWhatsApp(account)),
    create: async (account, group) => whatsappGroups.create(await openWhatsApp(account), group),
    inviteLink: async (account, groupId, reset) =>
      whatsappGroups.inviteLink(await openWhatsApp(account), groupId, reset),
    send: async (account, groupId, message, correlationId) =>
      whatsappGroups.send(await openWhatsApp(account), groupId, message, correlationId),
  };
  const deliveryReaders = {
    // The care groups' safety net answers a participant's emergency in the group: it sends.
    whatsapp: adapterDeliveryReader(whatsapp, 'WhatsApp', (ingestDeps, account, event) =>
      applyCareGroupEvent({ ...ingestDeps, api: careGroupsApi }, account, event),
    ),
    telegram: adapterDeliveryReader(telegram, 'Telegram'),
    messenger: adapterDeliveryReader(messenger, 'Messenger'),
    instagram: adapterDeliveryReader(instagram, 'Instagram'),
    line: adapterDeliveryReader(line, 'LINE'),
    sms: adapterDeliveryReader(sms, 'SMS'),
    viber: adapterDeliveryReader(viber, 'Viber'),
  };
  const pacer = new SendPacer(deps.pacing);
  // A message the provider failed: a reminder it carried falls back to the clinic's next channel.
  onOutboundFailure(fallBackFromFailedReminder);
  // LINE's monthly push quota, read from LINE (cached and counted between reads by the reminders).
  const readLinePushQuota: LinePushQuotaReader = async (account) => {
    const quota = await fetchLineQuotaOf({ settings: account.settings, secrets: await secretsOf(account) });
    if (!quota.ok) logger.warn({ channelAccountId: account.id, problem: quota.title }, 'LINE quota not read');
    return quota.ok ? { limit: quota.limit, used: quota.used } : null;
  };
  // Every URL a clinic gives (a flow's HTTP step, a busy calendar) is fetched through this one client.
  const outboundFetch = createGuardedFetch({
    allowedHosts: deps.outbound?.allowedHosts ?? [],
    logger: logger.child({ component: 'outbound' }),
  });
  const outbox = {
    db,
    clock,
    keyring,
    logger,
    senders,
    pacer,
    mediaStore,
    ...(deps.reconcileAfterMs !== undefined ? { reconcileAfterMs: deps.reconcileAfterMs } : {}),
    upSince: clock.now(),
    webhookQueues: [whatsappWebhookQueue.name, channelWebhookQueue.name],
  };
  const flowRuntime: FlowRuntimeDeps = {
    db,
    clock,
    keyring,
    logger: logger.child({ component: 'flows' }),
    senders,
    // The safety net answers a red flag before anything else; then Careline's own keywords and buttons
    // come before any flow: STOP must work whatever a flow asks. A partner pharmacy's number is not a
    // patient: its answers to prescription orders are taken first, and nothing else answers it.
    interceptors: [
      pharmacyReplyInterceptor,
      safetyInterceptor,
      consentKeywordInterceptor,
      reminderReplyInterceptor,
    ],
    // A flow may look the patient up in the clinic's EHR (their next appointment, their GP).
    hostOperations: { ...bookingOperations(schedulingReminders), ...ehrLookupOperations(outboundFetch) },
    mediaStore,
    outbound: outboundFetch,
  };
  // What the inbox needs of the safety net, automation and the outbox, which sit above it.
  const conversationHooks: ConversationHooks = {
    redFlagsOf: latestOpenRedFlags,
    automationOf,
    pauseAutomation,
    startClosingAutomation: queueClosingAutomation,
    windowPolicyOf: windowPolicyOfSenders(senders),
    queueReadReceipt,
    attachmentsOf: attachmentsOfMessages,
  };
  // The worker is created below; scheduling and reminders wake it through this indirection.
  const scheduling: SchedulingDeps = {
    db,
    clock,
    keyring,
    logger: logger.child({ component: 'scheduling' }),
    senders,
    // A booking made by the staff sends the patient its .ics, kept here like any other file.
    mediaStore,
    outbound: outboundFetch,
    wake: () => wake(),
    reminders: schedulingReminders,
  };
  // The clinic's EHR: imports on a schedule, appointment changes written back (queued by a trigger).
  const fhirSync: FhirSyncDeps = {
    db,
    keyring,
    clock,
    logger: logger.child({ component: 'fhir-sync' }),
    fetch: outboundFetch,
    reminders: schedulingReminders,
    wake: () => wake(),
  };
  // Sends have a worker of their own, taking them a hundred at a time: a backlog of replies or reminders
  // never waits behind webhooks, nor webhooks behind a batch of calls to Meta.
  const sends = new JobWorker({
    db,
    logger: logger.child({ component: 'outbox' }),
    pollIntervalMs: deps.pollIntervalMs ?? 500,
    batchSize: deps.engine === 'postgres' ? 100 : 20,
    pipelines: deps.engine === 'postgres' ? 2 : 1,
    // Several replies to one patient go out one after another in the same batch, as one burst.
    followSequences: 20,
    handlers: [handleBatch(outboxSendQueue, (jobs) => sendQueuedMessages(outbox, jobs), byConversation)],
  });
  const inboundAndAutomation = new JobWorker({
    db,
    logger: logger.child({ component: 'worker' }),
    pollIntervalMs: deps.pollIntervalMs ?? 500,
    // A few jobs in flight keep PostgreSQL busy while one waits; more would take the CPU the webhooks'
    // acknowledgements need (bench ingest). PGlite has one connection: no gain there.
    concurrency: deps.engine === 'postgres' ? 4 : 1,
    // Automation answers and booking confirmations it queued go out now, not at the next poll.
    onBatchDone: () => sends.wake(),
    handlers: [
      ...[whatsappWebhookQueue, channelWebhookQueue].map((queue) =>
        handle(queue, (_payload, job) =>
          ingestDelivery(
            {
              db,
              clock,
              logger,
              keyring,
              cipher: deps.fieldCipher,
              readers: deliveryReaders,
              onMediaReceived: (tx, stored) => queueChannelMediaDownloads(tx, keyring, stored),
            },
            job,
          ),
        ),
      ),
      // Downloads a previous version queued for WhatsApp under its own name carry the same payload.
      ...[channelMediaDownloadQueue, legacyWhatsAppMediaDownloadQueue].map((queue) =>
        handle(queue, (_payload, job) =>
          downloadChannelMedia(
            { db, clock, keyring, logger, mediaStore, secretsOf, adapters: adapterList(adapters) },
            job,
          ),
        ),
      ),
      handle(templateSyncQueue, (payload) =>
        syncChannelTemplates(
          { db, clock, listTemplates: templateListerOf<ChannelAccount>(adapterList(adapters), secretsOf) },
          payload,
        ),
      ),
      handle(markReadQueue, (payload) => sendReadReceipt({ db, keyring, senders }, payload)),
      handle(flowsQueue, (payload) => processFlowJob(flowRuntime, payload), byConversation),
      handle(webhookJournalRetentionQueue, () =>
        runWebhookJournalRetention({
          db,
          clock,
          closeAlerts: closeAlertsOfForgottenDeliveries,
          cipher: deps.fieldCipher,
          logger: logger.child({ component: 'journal-retention' }),
          failedRetentionMs: deps.webhookFailedRetentionMs ?? DEFAULT_FAILED_RETENTION_DAYS * 86_400_000,
        }),
      ),
      handle(privacyRetentionQueue, (payload) =>
        runRetention(
          { db, clock, keyring, mediaStore, logger: logger.child({ component: 'retention' }) },
          payload,
        ),
      ),
      handle(scheduledExportQueue, (payload) =>
        runScheduledExport(
          { db, clock, keyring, outbound: outboundFetch, logger: logger.child({ component: 'exports' }) },
          payload,
        ),
      ),
      ...schedulingJobHandlers(scheduling),
      ...reminderJobHandlers(scheduling, { lineQuota: readLinePushQuota }),
      ...fhirSyncJobHandlers(fhirSync),
    ],
  });
  // Outbound webhooks have a worker of their own: a slow receiver never holds ingest or sends.
  const webhookSender = {
    db,
    clock,
    keyring,
    logger: logger.child({ component: 'outbound-webhooks' }),
    fetch: outboundFetch,
    retry: { ...DEFAULT_RETRY_POLICY, ...deps.outboundWebhooks?.retry },
    timeoutMs: deps.outboundWebhooks?.timeoutMs ?? 10_000,
    messageTextOf: async (orgId: string, messageId: string) =>
      (await openOneMessage(db, keyring, await findMessage(db, orgId, messageId)))?.text ?? null,
  };
  const webhooks = new JobWorker({
    db,
    logger: logger.child({ component: 'outbound-webhooks' }),
    pollIntervalMs: deps.pollIntervalMs ?? 500,
    concurrency: deps.engine === 'postgres' ? 4 : 2,
    // A run sends up to a hundred events of one subscription; its own lease keeps the order.
    leaseMs: 5 * 60_000,
    handlers: [
      handle(outboundWebhookQueue, (payload) =>
        sendSubscriptionDeliveries(webhookSender, payload.subscriptionId),
      ),
    ],
  });
  // Health broadcasts' passes have a worker of their own, one pass at a time. A pass only plans: it
  // decides a batch of patients and queues their messages, which are the bulk traffic and wait in the
  // outbox at the broadcast's low priority behind replies and reminders. On the general worker, behind
  // the status webhooks the broadcast itself causes (three per message), passes starved and the number
  // sent at a tenth of its rate; here they never wait for that traffic, and never take one of its slots
  // from a patient's message. Each pass is one short transaction (see broadcast-pass.job.ts).
  const broadcastPasses = new JobWorker({
    db,
    logger: logger.child({ component: 'broadcasts' }),
    pollIntervalMs: deps.pollIntervalMs ?? 500,
    batchSize: 1,
    onBatchDone: () => sends.wake(),
    handlers: broadcastJobHandlers({ db, clock, keyring, senders, wake: () => sends.wake() }),
  });
  const worker = new JobWorkerGroup([inboundAndAutomation, sends, webhooks, broadcastPasses]);
  const wake = () => worker.wake();

  const http = await createHttpServer({
    logger: logger satisfies FastifyBaseLogger,
    version: VERSION,
    trustProxy: deps.trustProxy ?? false,
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
    ...(deps.rateLimits ? { perIpLimit: deps.rateLimits.perIp } : {}),
  });
  await http.register(fastifyCookie);
  http.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok', database: deps.engine }));
  // A webhook wakes the worker that stores it only: the send worker's claim would find nothing to do.
  await http.register(
    channelWebhookRoutes({
      db,
      cipher: deps.fieldCipher,
      secretsOf,
      keyring,
      adapters: adapterList(adapters),
      onJournaled: () => inboundAndAutomation.wake(),
      publicUrl: () => deps.publicUrl ?? loopbackUrl(http.server.address()),
    }),
  );
  // The API's callers (API keys, sessions), their limits and permissions; reads of patient data below
  // write an audit record (auditRead in their routes). The REST API and the FHIR API share it.
  const secure = (secured: typeof http) => {
    guardApi(secured, db, {
      clock,
      isConversationVisibleTo,
      sessions: deps.sessions,
      limits: deps.rateLimits,
    });
    recordReadsIn(secured, { db, clock, cipher: deps.fieldCipher });
  };
  // Every API route says who may call it (access-rules.ts), or Careline does not start.
  requireAccessRules(http, '/api/v1');
  await http.register(
    async (api) => {
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
        http.swagger(),
      );
      await api.register(calendarFeedRoutes(scheduling));
      await api.register(
        sessionRoutes(db, deps.fieldCipher, {
          clock,
          sessions: deps.sessions,
          signInLimit: deps.rateLimits?.signIn,
        }),
      );
      await api.register(async (secured) => {
        secure(secured);
        await secured.register(auditRoutes({ db, cipher: deps.fieldCipher }));
        await secured.register(contactRoutes(db, keyring));
        await secured.register(contactPanelRoutes(db, clock, keyring));
        await secured.register(patientMergeRoutes(db, clock, keyring));
        await secured.register(
          privacyRoutes({
            db,
            clock,
            mediaStore,
            cipher: deps.fieldCipher,
            keyring,
            logger,
            wake: () => wake(),
          }),
        );
        await secured.register(conversationRoutes({ db, clock, keyring, hooks: conversationHooks }, wake));
        await secured.register(agentReplyRoutes({ db, clock, keyring, senders, pauseAutomation }, wake));
        await secured.register(
          patientChannelsRoutes({ db, clock, keyring, windowPolicyOf: conversationHooks.windowPolicyOf }),
        );
        await secured.register(safetyRoutes({ db, clock, keyring, senders }));
        await secured.register(templateRoutes(db, wake));
        await secured.register(mediaRoutes(db, clock, mediaStore, keyring));
        await secured.register(alertRoutes(db, clock, wake));
        await secured.register(teamRoutes(db));
        await secured.register(
          channelAccountRoutes({
            db,
            keyring,
            clock,
            senders,
            setups: channelAccountSetups(),
            routing: channelRoutingOf(db),
            callerOf: changeCallerOf,
            recordChange,
            publicUrl: () => deps.publicUrl ?? loopbackUrl(http.server.address()),
          }),
        );
        await secured.register(channelLimitsRoutes(adapterList(adapters), { whatsapp: WHATSAPP_LIMITS }));
        await secured.register(smsSegmentsRoutes());
        await secured.register(
          userRoutes(db, clock, {
            openConversationCounts,
            endSessionsOf: deleteSessionsOfUser,
            handBackWorkOf,
          }),
        );
        await secured.register(accessSettingsRoutes(db));
        await secured.register(activeSessionRoutes(db, { clock, sessions: deps.sessions }));
        await secured.register(twoFactorRoutes(db, deps.fieldCipher, clock));
        await secured.register(cannedReplyRoutes(db));
        await secured.register(careGroupRoutes({ db, keyring, clock, api: careGroupsApi }));
        await secured.register(
          eventRoutes({
            db,
            logger,
            listen: deps.listen,
            callerOf: (request) => liveEventCallerOf(db, request),
            markPresent: (orgId, userId) => touchLastSeen(db, orgId, userId),
          }),
        );
        await secured.register(searchRoutes(db, keyring));
        await secured.register(flowRoutes(db, clock));
        await secured.register(automationRoutes(flowRuntime, wake));
        await secured.register(schedulingRoutes(scheduling));
        await secured.register(reminderRoutes(scheduling));
        await secured.register(
          outboundWebhookRoutes({
            db,
            clock,
            keyring,
            allowedHosts: deps.outbound?.allowedHosts ?? [],
            wake: () => webhooks.wake(),
          }),
        );
        await secured.register(fhirSyncRoutes(fhirSync));
        await secured.register(exportScheduleRoutes({ db, clock, keyring, wake }));
        await secured.register(exportRoutes({ db, clock, keyring }));
        await secured.register(reportRoutes({ db, clock, keyring }));
        await secured.register(broadcastRoutes({ db, clock, keyring, wake: () => wake() }));
        await secured.register(patientGroupRoutes({ db, clock, keyring }));
        // Prescription orders to partner pharmacies, and a Careline pharmacy's side of them.
        await secured.register(
          pharmacyRoutes(
            { db, clock, keyring, senders, logger: logger.child({ component: 'pharmacy' }) },
            wake,
          ),
        );
        // Stock notices: the partners they are about are the pharmacy module's, handed in here.
        await secured.register(stockNoticeRoutes(db, clock, stockNoticePharmacies));
      });
    },
    { prefix: '/api/v1' },
  );
  // FHIR R4 for the clinics' EHRs: the same callers, permissions and read audit as /api/v1.
  await http.register(
    fhirRoutes(
      {
        db,
        clock,
        keyring,
        cipher: deps.fieldCipher,
        scheduling,
        senders,
        windowPolicyOf: conversationHooks.windowPolicyOf,
        wake,
        ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
      },
      VERSION,
      secure,
    ),
    { prefix: FHIR_PREFIX },
  );
  if (deps.simulator) {
    const access = carelineSimulatorAccess(db, () => loopbackUrl(http.server.address()), deps.simulatorToken);
    await http.register(simulatorRoutes(deps.simulator, access), { prefix: '/simulator' });
  }
  if (deps.webDistDir !== false) await http.register(webAppRoutes(deps.webDistDir));

  return {
    http,
    worker,
    keyring,
    secretsOf,
    async close() {
      await worker.stop();
      // Graceful, with a deadline: a client that never finishes reading must not hold the shutdown.
      const deadline = setTimeout(() => http.server.closeAllConnections(), deps.shutdownGraceMs ?? 10_000);
      await http.close();
      clearTimeout(deadline);
    },
  };
}

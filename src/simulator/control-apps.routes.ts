import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SimulatorAccess } from './control-access.ts';
import { lineConversationView } from './line/line-phone-view.ts';
import { linePatientInputSchema } from './line/line-stand-in.ts';
import { metaPatientInputSchema } from './messenger/meta-patient.ts';
import { sendProblem, zodProblems } from './problem.ts';
import { smsPatientInputSchema } from './sms/sms-stand-in.ts';
import { telegramPatientInputSchema } from './telegram/telegram-patient.ts';
import { viberPatientInputSchema } from './viber/viber-stand-in.ts';
import type { WhatsAppSimulator } from './whatsapp-simulator.ts';

const APPS = ['telegram', 'messenger', 'instagram', 'line', 'sms', 'viber'] as const;
type App = (typeof APPS)[number];

// Telegram, Meta: digits; LINE: the bot's user id; SMS: the clinic's number, E.164; Viber: `pa:` and digits.
const accountParams = z.object({
  app: z.enum(APPS),
  accountId: z.string().regex(/^(\d{1,32}|U[0-9a-f]{32}|\+[1-9]\d{6,14}|pa:\d{1,32})$/),
});
const smsNumberBody = z.object({
  accountSid: z.string().min(1),
  authToken: z.string().min(1),
  from: z.string().min(1).max(32),
  name: z.string().min(1).max(100).optional(),
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
});
const personQuery = z.object({ person: z.string().min(1).max(100) });
const botBody = z.object({
  token: z.string().min(1),
  name: z.string().min(1).max(64).optional(),
  username: z
    .string()
    .regex(/^\w{5,32}$/)
    .optional(),
});
const lineChannelBody = z.object({
  channelSecret: z.string().min(1),
  channelAccessToken: z.string().min(1),
  name: z.string().min(1).max(100).optional(),
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
});
const viberAccountBody = z.object({
  authToken: z.string().min(1),
  name: z.string().min(1).max(100).optional(),
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
});
const metaAccountBody = z.object({
  app: z.enum(['messenger', 'instagram']),
  accountId: z.string().regex(/^\d{1,32}$/),
  name: z.string().min(1).max(100),
  username: z.string().max(64).optional(),
  accessToken: z.string().min(1),
  appSecret: z.string().min(1),
  verifyToken: z.string().min(1).optional(),
  webhookUrl: z.url({ protocol: /^https?$/ }),
});

/**
 * The phone apps beside WhatsApp (under `/_sim/apps`, sharing the control API's access check and error
 * handler): the accounts played, a person's conversation with one, and what the person does there.
 * Tokens and secrets are never shown; only accounts `access.playsAccount` allows are played.
 */
export function controlAppsRoutes(simulator: WhatsAppSimulator, access: SimulatorAccess): FastifyPluginAsync {
  const plays = (app: App, accountId: string) =>
    access.playsAccount?.(app, accountId) ?? Promise.resolve(true);
  return async (app) => {
    app.get('/', async () => {
      const all = [
        ...simulator.telegram.bots(),
        ...simulator.messenger.accounts(),
        ...simulator.line.channels(),
      ];
      const played = await Promise.all(all.map((account) => plays(account.app, account.accountId)));
      return { accounts: all.filter((_account, index) => played[index]) };
    });

    app.post('/telegram/bots', async (request, reply) => {
      const parsed = botBody.safeParse(request.body ?? {});
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid bot', zodProblems(parsed.error));
      return reply.code(201).send({ account: simulator.telegram.registerBot(parsed.data) });
    });

    app.post('/line/channels', async (request, reply) => {
      const parsed = lineChannelBody.safeParse(request.body ?? {});
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid channel', zodProblems(parsed.error));
      const { webhookUrl, name, ...secrets } = parsed.data;
      if (webhookUrl !== undefined && access.acceptsWebhookUrl && !access.acceptsWebhookUrl(webhookUrl)) {
        return sendProblem(reply, 403, 'Webhook URL not allowed', [
          { field: 'webhookUrl', reason: 'must be a webhook URL of the Careline this simulator runs in' },
        ]);
      }
      const account = simulator.line.registerChannel({
        ...secrets,
        ...(name === undefined ? {} : { name }),
        ...(webhookUrl === undefined ? {} : { webhookUrl }),
      });
      return reply.code(201).send({ account });
    });

    app.post('/sms/numbers', async (request, reply) => {
      const parsed = smsNumberBody.safeParse(request.body ?? {});
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid number', zodProblems(parsed.error));
      const { webhookUrl, name, ...credentials } = parsed.data;
      if (webhookUrl !== undefined && access.acceptsWebhookUrl && !access.acceptsWebhookUrl(webhookUrl)) {
        return sendProblem(reply, 403, 'Webhook URL not allowed', [
          { field: 'webhookUrl', reason: 'must be a webhook URL of the Careline this simulator runs in' },
        ]);
      }
      const account = simulator.sms.registerNumber({
        ...credentials,
        ...(name === undefined ? {} : { name }),
        ...(webhookUrl === undefined ? {} : { webhookUrl }),
      });
      return reply.code(201).send({ account });
    });

    app.post('/viber/accounts', async (request, reply) => {
      const parsed = viberAccountBody.safeParse(request.body ?? {});
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid account', zodProblems(parsed.error));
      const { webhookUrl, name, authToken } = parsed.data;
      if (webhookUrl !== undefined && access.acceptsWebhookUrl && !access.acceptsWebhookUrl(webhookUrl)) {
        return sendProblem(reply, 403, 'Webhook URL not allowed', [
          { field: 'webhookUrl', reason: 'must be a webhook URL of the Careline this simulator runs in' },
        ]);
      }
      const account = simulator.viber.registerAccount({
        authToken,
        ...(name === undefined ? {} : { name }),
        ...(webhookUrl === undefined ? {} : { webhookUrl }),
      });
      return reply.code(201).send({ account });
    });

    app.post('/meta-accounts', async (request, reply) => {
      const parsed = metaAccountBody.safeParse(request.body ?? {});
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid account', zodProblems(parsed.error));
      if (access.acceptsWebhookUrl && !access.acceptsWebhookUrl(parsed.data.webhookUrl)) {
        return sendProblem(reply, 403, 'Webhook URL not allowed', [
          { field: 'webhookUrl', reason: 'must be a webhook URL of the Careline this simulator runs in' },
        ]);
      }
      const { username, verifyToken, ...rest } = parsed.data;
      const account = simulator.messenger.registerAccount({
        ...rest,
        ...(username === undefined ? {} : { username }),
        ...(verifyToken === undefined ? {} : { verifyToken }),
      });
      return reply.code(201).send({ account });
    });

    app.get('/:app/:accountId/conversation', async (request, reply) => {
      const { app: which, accountId } = accountParams.parse(request.params);
      const query = personQuery.safeParse(request.query);
      if (!query.success) return sendProblem(reply, 400, 'Invalid query', zodProblems(query.error));
      if (!(await plays(which, accountId))) return notPlayed(reply);
      if (which === 'line') {
        const messages = simulator.line.conversation(accountId, query.data.person);
        // `messages`: the wire objects each side sent; `items`: the chat as the demo phone draws it.
        return { app: which, accountId, messages, items: lineConversationView(messages) };
      }
      if (which === 'sms')
        return { app: which, accountId, messages: simulator.sms.conversation(accountId, query.data.person) };
      if (which === 'viber')
        return {
          app: which,
          accountId,
          messages: simulator.viber.conversation(accountId, query.data.person),
        };
      const items =
        which === 'telegram'
          ? simulator.telegram.conversation(accountId, query.data.person)
          : simulator.messenger.conversation(accountId, query.data.person);
      return { app: which, accountId, items };
    });

    app.get('/:app/:accountId/webhooks', async (request, reply) => {
      const { app: which, accountId } = accountParams.parse(request.params);
      if (!(await plays(which, accountId))) return notPlayed(reply);
      const deliveries =
        which === 'telegram'
          ? simulator.telegram.deliveries(accountId)
          : which === 'line'
            ? simulator.line.deliveries(accountId)
            : which === 'sms'
              ? simulator.sms.deliveries(accountId)
              : which === 'viber'
                ? simulator.viber.deliveries(accountId)
                : simulator.messenger.deliveries(accountId);
      return { app: which, accountId, deliveries };
    });

    app.post('/:app/:accountId/patient-actions', async (request, reply) => {
      const { app: which, accountId } = accountParams.parse(request.params);
      if (!(await plays(which, accountId))) return notPlayed(reply);
      if (which === 'telegram') {
        const parsed = telegramPatientInputSchema.safeParse(request.body ?? {});
        if (!parsed.success)
          return sendProblem(reply, 400, 'Invalid patient action', zodProblems(parsed.error));
        return simulator.telegram.patientActs(accountId, parsed.data);
      }
      if (which === 'line') {
        const parsed = linePatientInputSchema.safeParse(request.body ?? {});
        if (!parsed.success)
          return sendProblem(reply, 400, 'Invalid patient action', zodProblems(parsed.error));
        return simulator.line.patientActs(accountId, parsed.data);
      }
      if (which === 'sms') {
        const parsed = smsPatientInputSchema.safeParse(request.body ?? {});
        if (!parsed.success)
          return sendProblem(reply, 400, 'Invalid patient action', zodProblems(parsed.error));
        return simulator.sms.patientActs(accountId, parsed.data, simulatorBaseUrl(request));
      }
      if (which === 'viber') {
        const parsed = viberPatientInputSchema.safeParse(request.body ?? {});
        if (!parsed.success)
          return sendProblem(reply, 400, 'Invalid patient action', zodProblems(parsed.error));
        return simulator.viber.patientActs(accountId, parsed.data, simulatorBaseUrl(request));
      }
      const parsed = metaPatientInputSchema.safeParse(request.body ?? {});
      if (!parsed.success)
        return sendProblem(reply, 400, 'Invalid patient action', zodProblems(parsed.error));
      return simulator.messenger.patientActs(accountId, parsed.data, simulatorBaseUrl(request));
    });
  };
}

/** Where the simulator is reached: this route's origin and prefix, without `/_sim/apps`. */
function simulatorBaseUrl(request: FastifyRequest): string {
  const prefix = request.routeOptions.url?.replace(/\/_sim\/apps\/.*$/, '') ?? '';
  return `${request.protocol}://${request.host}${prefix}`;
}

function notPlayed(reply: FastifyReply) {
  return sendProblem(reply, 403, 'Not a simulated account', [
    { field: 'accountId', reason: 'its channel account does not point at this simulator' },
  ]);
}

import type { FastifyPluginAsync } from 'fastify';
import { controlRoutes } from './control.routes.ts';
import type { SimulatorAccess } from './control-access.ts';
import { graphRoutes } from './graph.routes.ts';
import { lineRoutes } from './line/line.routes.ts';
import { messengerRoutes } from './messenger/messenger.routes.ts';
import { smsRoutes } from './sms/sms.routes.ts';
import { telegramRoutes } from './telegram/telegram.routes.ts';
import { viberRoutes } from './viber/viber.routes.ts';
import type { WhatsAppSimulator } from './whatsapp-simulator.ts';

/**
 * Everything the simulator serves, mountable under any prefix: the fake Graph API at the root of the
 * prefix (each number's access token required), Telegram's Bot API (`/bot<token>/…`), the Messenger
 * Send API (`/{version}/me/messages`), LINE's Messaging API (`/v2/bot/…`), and the control API under `/_sim` (this machine or `access.token`). Careline's demo mounts it at `/simulator`; the standalone server at `/`.
 */
export function simulatorRoutes(
  simulator: WhatsAppSimulator,
  access: SimulatorAccess = {},
): FastifyPluginAsync {
  return async (app) => {
    await app.register(graphRoutes(simulator));
    await app.register(telegramRoutes(simulator.telegram));
    await app.register(messengerRoutes(simulator.messenger));
    await app.register(lineRoutes(simulator.line));
    await app.register(smsRoutes(simulator.sms));
    await app.register(viberRoutes(simulator.viber));
    await app.register(controlRoutes(simulator, access), { prefix: '/_sim' });
  };
}

import type { Update } from '@grammyjs/types';
import type { AdapterFixture } from '../adapter-fixture.test-support.ts';
import type { TelegramSecrets, TelegramSettings } from './telegram-adapter.ts';
import { TELEGRAM_SECRET_HEADER } from './verify-telegram-secret.ts';

/*
 * The Telegram adapter's part of the conformance suite. A bot's deliveries carry the `secret_token`
 * given to setWebhook in `X-Telegram-Bot-Api-Secret-Token` (Bot API, setWebhook): a shared secret, not a
 * signature over the body. Updates name no bot: the account comes from the webhook's path.
 */

const patient = {
  id: 7100000001,
  is_bot: false,
  first_name: 'Amélie',
  last_name: 'Durand',
  username: 'amelie_d',
  language_code: 'fr',
} as const;
const chat = {
  id: 7100000001,
  type: 'private',
  first_name: 'Amélie',
  last_name: 'Durand',
  username: 'amelie_d',
} as const;

const text = {
  update_id: 500000010,
  message: {
    message_id: 320,
    from: patient,
    chat,
    date: 1735729200,
    text: 'Bonjour, puis-je venir à 10 h ?',
  },
} satisfies Update;

const photo = {
  update_id: 500000011,
  message: {
    message_id: 321,
    from: patient,
    chat,
    date: 1735729260,
    photo: [
      {
        file_id: 'AgACAgQAAxkBAAIBOGSmall',
        file_unique_id: 'AQADs1',
        file_size: 1311,
        width: 90,
        height: 67,
      },
      {
        file_id: 'AgACAgQAAxkBAAIBOGLarge',
        file_unique_id: 'AQADs3',
        file_size: 81231,
        width: 1280,
        height: 960,
      },
    ],
    caption: 'La plaque ce matin',
  },
} satisfies Update;

const buttonTap = {
  update_id: 500000012,
  callback_query: {
    id: '4382bfdwdsb323b2d9',
    from: patient,
    chat_instance: '-5829374027391',
    data: 'appt:confirm:981',
    message: {
      message_id: 322,
      from: { id: 7000000001, is_bot: true, first_name: 'Clinique', username: 'clinique_bot' },
      chat,
      date: 1735725600,
      text: 'Pouvez-vous venir lundi à 9 h ?',
      reply_markup: {
        inline_keyboard: [
          [{ text: 'Oui', callback_data: 'appt:confirm:981' }],
          [{ text: 'Déplacer', callback_data: 'appt:move:981' }],
        ],
      },
    },
  },
} satisfies Update;

export const telegramFixture: AdapterFixture<TelegramSettings, TelegramSecrets> = {
  channel: 'telegram',
  account: {
    id: '0b3f6c1e-2d4a-4e8b-9c7d-5a1f2e3d4c5b',
    externalId: '7000000001',
    settings: {},
    secrets: { botToken: '7000000001:AAH4ctTestTokenForTheStandIn_0123', secretToken: 'tg-secret_123' },
  },
  signsBody: false,
  sign: (_rawBody, secrets) => ({ [TELEGRAM_SECRET_HEADER]: secrets.secretToken }),
  samples: { text, photo, 'button tap': buttonTap },
};

export const adapterFixtures = [telegramFixture];

import type { ChannelType } from '../../api/settings-types.ts';

/** The channel types an administrator can connect from here. */
export const ADDABLE_TYPES = [
  'telegram',
  'whatsapp',
  'messenger',
  'instagram',
  'line',
  'sms',
  'viber',
] as const;
export type AddableType = (typeof ADDABLE_TYPES)[number];

export function isAddable(type: ChannelType): type is AddableType {
  return (ADDABLE_TYPES as readonly string[]).includes(type);
}

/** A form field and where its value goes in the API body; `id` is the body path errors name. */
export interface ChannelField {
  id: string;
  part: 'external_id' | 'secrets' | 'settings';
  key: string;
  label:
    | 'botToken'
    | 'secretToken'
    | 'apiUrl'
    | 'pageId'
    | 'instagramAccountId'
    | 'phoneNumberId'
    | 'pageAccessToken'
    | 'accessToken'
    | 'appSecret'
    | 'verifyToken'
    | 'graphUrl'
    | 'apiVersion'
    | 'channelSecret'
    | 'channelAccessToken'
    | 'lineApiUrl'
    | 'smsAccountSid'
    | 'smsFrom'
    | 'authToken'
    | 'smsApiUrl'
    | 'viberAuthToken'
    | 'viberApiUrl'
    | 'botInitiated';
  hint?:
    | 'botTokenHint'
    | 'secretTokenHint'
    | 'apiUrlHint'
    | 'verifyTokenHint'
    | 'channelAccessTokenHint'
    | 'lineApiUrlHint'
    | 'smsAccountSidHint'
    | 'smsFromHint'
    | 'authTokenHint'
    | 'smsApiUrlHint'
    | 'viberAuthTokenHint'
    | 'viberApiUrlHint'
    | 'botInitiatedHint';
  required: boolean;
  /** Typed into a password field, never shown back. */
  secret: boolean;
  /** An on/off setting (a switch; its value `true` or empty), sent as a boolean. */
  toggle?: boolean;
}

const secret = (
  key: string,
  label: ChannelField['label'],
  extra: Partial<ChannelField> = {},
): ChannelField => ({
  id: `secrets.${key}`,
  part: 'secrets',
  key,
  label,
  required: true,
  secret: true,
  ...extra,
});
const setting = (key: string, label: ChannelField['label'], hint?: ChannelField['hint']): ChannelField => ({
  id: `settings.${key}`,
  part: 'settings',
  key,
  label,
  required: false,
  secret: false,
  ...(hint ? { hint } : {}),
});
const externalId = (label: ChannelField['label']): ChannelField => ({
  id: 'external_id',
  part: 'external_id',
  key: 'external_id',
  label,
  required: true,
  secret: false,
});

const META_SECRETS = [
  secret('pageAccessToken', 'pageAccessToken'),
  secret('appSecret', 'appSecret'),
  secret('verifyToken', 'verifyToken', { hint: 'verifyTokenHint' }),
];
const GRAPH = [setting('graphUrl', 'graphUrl'), setting('apiVersion', 'apiVersion')];

/** Each type's fields, in the order asked. */
export const CHANNEL_FIELDS: Readonly<Record<AddableType, readonly ChannelField[]>> = {
  telegram: [
    secret('botToken', 'botToken', { hint: 'botTokenHint' }),
    secret('secretToken', 'secretToken', { hint: 'secretTokenHint', required: false }),
    setting('apiUrl', 'apiUrl', 'apiUrlHint'),
  ],
  line: [
    secret('channelSecret', 'channelSecret'),
    secret('channelAccessToken', 'channelAccessToken', { hint: 'channelAccessTokenHint' }),
    setting('apiUrl', 'lineApiUrl', 'lineApiUrlHint'),
  ],
  sms: [
    { ...setting('accountSid', 'smsAccountSid', 'smsAccountSidHint'), required: true },
    { ...setting('from', 'smsFrom', 'smsFromHint'), required: true },
    secret('authToken', 'authToken', { hint: 'authTokenHint' }),
    setting('apiUrl', 'smsApiUrl', 'smsApiUrlHint'),
  ],
  viber: [
    secret('authToken', 'viberAuthToken', { hint: 'viberAuthTokenHint' }),
    setting('apiUrl', 'viberApiUrl', 'viberApiUrlHint'),
    { ...setting('botInitiated', 'botInitiated', 'botInitiatedHint'), toggle: true },
  ],
  messenger: [externalId('pageId'), ...META_SECRETS, ...GRAPH],
  instagram: [externalId('instagramAccountId'), ...META_SECRETS, ...GRAPH],
  whatsapp: [
    externalId('phoneNumberId'),
    secret('accessToken', 'accessToken'),
    secret('appSecret', 'appSecret'),
    secret('verifyToken', 'verifyToken', { hint: 'verifyTokenHint' }),
    ...GRAPH,
  ],
};

/** The values typed, as the API's body parts (empty optional fields left out). */
export function bodyParts(
  fields: readonly ChannelField[],
  values: Readonly<Record<string, string>>,
): {
  external_id?: string;
  secrets: Record<string, string>;
  settings: Record<string, string | boolean>;
} {
  const secrets: Record<string, string> = {};
  const settings: Record<string, string | boolean> = {};
  let external: string | undefined;
  for (const field of fields) {
    const value = (values[field.id] ?? '').trim();
    if (value === '') continue;
    if (field.toggle) settings[field.key] = value === 'true';
    else if (field.part === 'external_id') external = value;
    else if (field.part === 'secrets') secrets[field.key] = value;
    else settings[field.key] = value;
  }
  return { ...(external !== undefined ? { external_id: external } : {}), secrets, settings };
}

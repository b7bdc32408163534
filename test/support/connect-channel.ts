import { insertChannelAccount } from '../../src/modules/channel-accounts/channel-account.repository.ts';
import type {
  ChannelAccount,
  ChannelType,
} from '../../src/modules/channel-accounts/channel-account.schema.ts';
import { sealChannelSecrets } from '../../src/modules/channel-accounts/channel-secrets.ts';
import type { TestCareline, TestClinic } from './test-careline.ts';

/** A channel account of the clinic, stored as Careline stores one: its secrets sealed with the clinic key. */
export async function connectChannel(
  env: TestCareline,
  clinic: TestClinic,
  account: {
    type: ChannelType;
    name: string;
    externalId: string;
    settings: Record<string, unknown>;
    secrets: Record<string, unknown>;
  },
): Promise<ChannelAccount> {
  const { secrets, ...rest } = account;
  return insertChannelAccount(env.handle.db, {
    ...rest,
    orgId: clinic.org.id,
    secrets: await sealChannelSecrets(env.handle.db, env.careline.keyring, clinic.org.id, secrets),
  });
}

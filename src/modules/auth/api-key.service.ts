import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { ApiCaller } from '../users/caller.ts';
import { type ApiKey, apiKeys } from './api-key.schema.ts';

const KEY_PREFIX = 'cl_';

export interface IssuedApiKey {
  /** Shown once; only its hash is stored. */
  key: string;
  record: ApiKey;
}

export async function createApiKey(db: DbOrTx, orgId: string, name = 'default'): Promise<IssuedApiKey> {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const [record] = await db
    .insert(apiKeys)
    .values({ orgId, name, keyPrefix: key.slice(0, 10), keyHash: hashApiKey(key) })
    .returning();
  if (!record) throw new Error('insert into api_keys returned nothing');
  return { key, record };
}

/** The caller a bearer key stands for, or null when it is unknown or revoked. */
export async function authenticateApiKey(db: DbOrTx, key: string): Promise<ApiCaller | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const [record] = await db
    .select({ id: apiKeys.id, orgId: apiKeys.orgId })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)));
  return record ? { orgId: record.orgId, apiKeyId: record.id, userId: null, role: 'api' } : null;
}

function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

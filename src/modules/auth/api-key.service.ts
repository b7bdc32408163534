import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { CallerRole } from './access-rules.ts';
import { type ApiKey, apiKeys } from './api-key.schema.ts';

const KEY_PREFIX = 'cl_';

export interface IssuedApiKey {
  /** Shown once; only its hash is stored. */
  key: string;
  record: ApiKey;
}

/** Who is calling: an integration with an API key, or a signed-in member of the care team. */
export interface ApiCaller {
  orgId: string;
  apiKeyId: string | null;
  userId: string | null;
  /** `api` for API keys; a user's role otherwise (what each may do: access-rules.ts). */
  role: CallerRole;
  /** The browser session a signed-in person calls from; absent for API keys. */
  sessionId?: string;
  /**
   * Set when the clinic keeps agents to their teams (agentsSeeOnlyTheirTeams) and the caller is one:
   * only conversations of this person's teams or assigned to them exist for them.
   */
  teamScope?: { userId: string };
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

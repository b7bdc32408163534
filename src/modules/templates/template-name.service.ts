import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { messageTemplates } from './template.schema.ts';

/** Whether the clinic's registry (in any language, on any account) has a template of this name. */
export async function hasTemplateNamed(db: DbOrTx, orgId: string, name: string): Promise<boolean> {
  const [row] = await db
    .select({ id: messageTemplates.id })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.orgId, orgId), eq(messageTemplates.name, name)))
    .limit(1);
  return row !== undefined;
}

import { type SQL, sql } from 'drizzle-orm';
import { teamMembers } from './team.schema.ts';

/**
 * The ids of the teams a person belongs to, as a subquery for another module's condition ("in one
 * of their teams"), so that a list kept to a person's teams stays one statement.
 */
export function teamIdsOfMember(userId: string): SQL {
  return sql`(select ${teamMembers.teamId} from ${teamMembers} where ${teamMembers.userId} = ${userId})`;
}

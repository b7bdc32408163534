import type { DbOrTx } from '../../platform/db/db.ts';
import { RED_FLAG_CATEGORIES } from '../flows/red-flags/red-flag-category.ts';
import { type RedFlagPeriod, redFlagFigures } from './red-flag-event.repository.ts';

// What other modules may read or change here: they call this service, never the repository.
export { latestRedFlagEvents } from './red-flag-event.repository.ts';

export interface RedFlagCategoryFigures {
  category: string;
  count: number;
  acknowledged: number;
  /** Seconds from the patient's message to a person's acknowledgement, over the acknowledged ones. */
  p50Seconds: number | null;
  p90Seconds: number | null;
}

export interface RedFlagReport extends RedFlagPeriod {
  total: RedFlagCategoryFigures;
  /** Every category, in order of urgency, with zeros where nothing was raised. */
  categories: RedFlagCategoryFigures[];
}

/**
 * How many red flags the clinic's patients raised in the period, and how fast a person took them;
 * with a team, only those raised in the team's conversations.
 */
export async function redFlagReport(
  db: DbOrTx,
  orgId: string,
  period: RedFlagPeriod & { teamId?: string | undefined },
): Promise<RedFlagReport> {
  const rows = await redFlagFigures(db, orgId, period);
  const figures = (row: (typeof rows)[number] | undefined, category: string): RedFlagCategoryFigures => ({
    category,
    count: row?.count ?? 0,
    acknowledged: row?.acknowledged ?? 0,
    p50Seconds: row?.p50 ?? null,
    p90Seconds: row?.p90 ?? null,
  });
  // The rollup's grand total is the row whose category is 'all' (no category is called that).
  return {
    from: period.from,
    to: period.to,
    total: figures(
      rows.find((r) => r.category === 'all'),
      'all',
    ),
    categories: RED_FLAG_CATEGORIES.map((category) =>
      figures(
        rows.find((r) => r.category === category),
        category,
      ),
    ),
  };
}

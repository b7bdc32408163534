import type { DbOrTx } from '../../platform/db/db.ts';
import { isTimeZone } from './availability/weekly-schedule.ts';
import { findLocation, insertLocation, listLocationsOfOrg, updateLocation } from './location.repository.ts';
import type { Location } from './scheduling.schema.ts';
import { InvalidSchedulingInputError, SchedulingNotFoundError } from './scheduling-errors.ts';

export interface LocationInput {
  name: string;
  address?: string | null;
  /** IANA time zone the place's schedules are worked in; Europe/Paris when left out. */
  timeZone?: string;
}

export async function listLocations(db: DbOrTx, orgId: string): Promise<Location[]> {
  return listLocationsOfOrg(db, orgId);
}

export async function getLocation(db: DbOrTx, orgId: string, id: string): Promise<Location> {
  const location = await findLocation(db, orgId, id);
  if (!location) throw new SchedulingNotFoundError('Location');
  return location;
}

export async function createLocation(db: DbOrTx, orgId: string, input: LocationInput): Promise<Location> {
  checkTimeZone(input.timeZone);
  return insertLocation(db, {
    orgId,
    name: input.name,
    address: input.address ?? null,
    ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
  });
}

/**
 * Changes what is given. A new time zone moves every slot of the place: 09:00 stays 09:00 on the wall
 * clock there; appointments already booked keep their instant.
 */
export async function changeLocation(
  db: DbOrTx,
  orgId: string,
  id: string,
  change: Partial<LocationInput>,
): Promise<Location> {
  checkTimeZone(change.timeZone);
  const location = await updateLocation(db, orgId, id, {
    ...(change.name === undefined ? {} : { name: change.name }),
    ...(change.address === undefined ? {} : { address: change.address }),
    ...(change.timeZone === undefined ? {} : { timeZone: change.timeZone }),
  });
  if (!location) throw new SchedulingNotFoundError('Location');
  return location;
}

function checkTimeZone(timeZone: string | undefined): void {
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    throw new InvalidSchedulingInputError([
      { field: 'timeZone', message: 'must be an IANA time zone such as Europe/Paris' },
    ]);
  }
}

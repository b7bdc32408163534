import { type GraphErrorResponse, invalidTokenError, objectNotFoundError } from './graph-error.ts';
import type { SimulatedNumber } from './simulated-number.ts';

/**
 * Graph's order of checks: a token it never issued is error 190 whatever the object; a valid token on
 * a number that does not exist, or that the token may not use, is 100/33. Undefined means allowed.
 */
export function authorizeGraphCall(
  numbers: Iterable<SimulatedNumber>,
  target: SimulatedNumber | undefined,
  phoneNumberId: string,
  authorization: string | undefined,
): GraphErrorResponse | undefined {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (token === undefined || !isIssued(numbers, token)) return invalidTokenError();
  if (target?.accessToken !== token) return objectNotFoundError(phoneNumberId);
  return undefined;
}

function isIssued(numbers: Iterable<SimulatedNumber>, token: string): boolean {
  for (const number of numbers) if (number.accessToken === token) return true;
  return false;
}

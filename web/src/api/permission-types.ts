import type { SignedIn } from './generated/openapi.ts';

/**
 * What a role may do, as the server says in the session (`user.permissions`, from
 * src/modules/auth/access-rules.ts): the app hides what the server would refuse.
 */
export type Permission = SignedIn['user']['permissions'][number];

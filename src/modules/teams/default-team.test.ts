import { describe, expect, test } from 'vitest';
import { defaultTeamIdOf } from './default-team.ts';

describe('defaultTeamIdOf', () => {
  test('reads a team id from the channel account’s settings', () => {
    const id = '3f0c8a52-1d5e-4c1b-9a57-2b4f1c9e7d10';
    expect(defaultTeamIdOf({ graphUrl: 'https://graph.facebook.com', defaultTeamId: id })).toBe(id);
  });

  test('ignores a missing setting or one that is not a team id', () => {
    expect(defaultTeamIdOf({})).toBeUndefined();
    expect(defaultTeamIdOf({ defaultTeamId: 'Accueil' })).toBeUndefined();
    expect(defaultTeamIdOf({ defaultTeamId: 42 })).toBeUndefined();
    expect(defaultTeamIdOf({ defaultTeamId: null })).toBeUndefined();
  });
});

import { describe, expect, test } from 'vitest';
import { leavesNoAdmin } from './last-admin.ts';

const ANNE = '00000000-0000-4000-8000-00000000000a';
const BRUNO = '00000000-0000-4000-8000-00000000000b';
const CARLA = '00000000-0000-4000-8000-00000000000c';

describe('leavesNoAdmin', () => {
  test('the only administrator can be neither demoted nor deactivated', () => {
    expect(leavesNoAdmin([ANNE], ANNE, { role: 'agent' })).toBe(true);
    expect(leavesNoAdmin([ANNE], ANNE, { active: false })).toBe(true);
    expect(leavesNoAdmin([ANNE], ANNE, { role: 'admin', active: false })).toBe(true);
  });

  test('the only administrator may still change other things, or stay admin', () => {
    expect(leavesNoAdmin([ANNE], ANNE, {})).toBe(false);
    expect(leavesNoAdmin([ANNE], ANNE, { role: 'admin' })).toBe(false);
    expect(leavesNoAdmin([ANNE], ANNE, { active: true })).toBe(false);
  });

  test('an administrator may step down while another remains', () => {
    expect(leavesNoAdmin([ANNE, BRUNO], ANNE, { role: 'agent' })).toBe(false);
    expect(leavesNoAdmin([ANNE, BRUNO], BRUNO, { active: false })).toBe(false);
  });

  test('agents and deactivated people are not counted and change nothing', () => {
    expect(leavesNoAdmin([ANNE], CARLA, { role: 'agent', active: false })).toBe(false);
    expect(leavesNoAdmin([], CARLA, { role: 'admin' })).toBe(false);
  });
});

import { expect, test } from 'vitest';
import { generateInitialPassword } from './initial-password.ts';
import { newUserInput } from './user.service.ts';

test('a generated password is long enough to be accepted and easy to copy', () => {
  const password = generateInitialPassword();
  expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
  const input = { orgId: crypto.randomUUID(), email: 'a@b.test', role: 'agent', password };
  expect(newUserInput.safeParse(input).success).toBe(true);
});

test('each generated password is new', () => {
  const passwords = new Set(Array.from({ length: 200 }, generateInitialPassword));
  expect(passwords.size).toBe(200);
});

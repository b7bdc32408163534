import { describe, expect, test } from 'vitest';
import { WordMemory } from './word-memory.ts';

describe('WordMemory', () => {
  test('a word is kept from its second sighting', () => {
    const memory = new WordMemory<number>(10);
    memory.set('douleur', 1);
    expect(memory.get('douleur')).toBeUndefined();
    memory.set('douleur', 1);
    expect(memory.get('douleur')).toBe(1);
  });

  test('a word still in use is carried over when its generation is dropped', () => {
    const memory = new WordMemory<number>(4);
    for (const word of ['poitrine', 'poitrine']) memory.set(word, 1);
    for (let i = 0; i < 20; i += 1) {
      expect(memory.get('poitrine')).toBe(1);
      for (const word of [`mot${i}`, `mot${i}`]) memory.set(word, i);
    }
  });

  test('a kept word is still found after the doorkeeper starts again', () => {
    const memory = new WordMemory<number>(4_000);
    for (const word of ['poitrine', 'poitrine']) memory.set(word, 1);
    // Seen once each: noted (some kept, their bit already set by another), and enough of them for the
    // doorkeeper to start again once.
    for (let i = 0; i < 20_000; i += 1) memory.set(`w${i}`, i);
    expect(memory.size).toBeLessThan(memory.capacity);
    expect(memory.get('poitrine')).toBe(1);
  });

  test('a word in use stays found however many words pass once', () => {
    const memory = new WordMemory<number>(4_000);
    for (const word of ['poitrine', 'poitrine']) memory.set(word, 1);
    for (let i = 0; i < 200_000; i += 1) {
      memory.set(`w${i}`, i);
      if (i % 5_000 === 0) expect(memory.get('poitrine')).toBe(1);
    }
  });

  test('millions of distinct words, each seen twice, keep it within two generations', () => {
    const memory = new WordMemory<number>(1_000);
    let largest = 0;
    for (let i = 0; i < 2_000_000; i += 1) {
      const word = `w${i}`;
      memory.set(word, i);
      memory.set(word, i);
      largest = Math.max(largest, memory.size);
    }
    expect(largest).toBeLessThanOrEqual(2 * memory.capacity);
  });
});

import { describe, expect, test } from 'vitest';
import type { ChannelCapabilities } from './flow-context.ts';
import { type MenuItem, renderMenu } from './render-menu.ts';

const whatsapp: ChannelCapabilities = { buttons: 3, listRows: 10, buttonTitleMax: 20, rowTitleMax: 24 };
const items = (count: number, title = (i: number) => `Option ${i}`): MenuItem[] =>
  Array.from({ length: count }, (_, i) => ({ id: `o${i + 1}`, title: title(i + 1) }));
const menu = (list: MenuItem[]) => ({ body: 'Votre choix ?', items: list, buttonLabel: 'Choisir' });

describe('renderMenu', () => {
  test('as many items as buttons: reply buttons', () => {
    expect(renderMenu(menu(items(3)), whatsapp)).toEqual({
      type: 'buttons',
      body: 'Votre choix ?',
      buttons: [
        { id: 'o1', title: 'Option 1' },
        { id: 'o2', title: 'Option 2' },
        { id: 'o3', title: 'Option 3' },
      ],
    });
  });

  test('on a channel whose rows show no description (Messenger quick replies), the list goes without them', () => {
    const messenger: ChannelCapabilities = {
      buttons: 3,
      listRows: 13,
      buttonTitleMax: 20,
      rowTitleMax: 20,
      rowDescriptions: false,
    };
    const list = [...items(3), { id: 'o4', title: 'Option 4', description: 'La dernière' }];
    const rendered = renderMenu(menu(list), messenger);
    expect(rendered.type).toBe('list');
    expect(JSON.stringify(rendered)).not.toContain('La dernière');
  });

  test('more than the buttons: a list with its descriptions', () => {
    const list = [...items(3), { id: 'o4', title: 'Option 4', description: 'La dernière' }];
    expect(renderMenu(menu(list), whatsapp)).toEqual({
      type: 'list',
      body: 'Votre choix ?',
      buttonLabel: 'Choisir',
      sections: [
        {
          rows: [
            { id: 'o1', title: 'Option 1' },
            { id: 'o2', title: 'Option 2' },
            { id: 'o3', title: 'Option 3' },
            { id: 'o4', title: 'Option 4', description: 'La dernière' },
          ],
        },
      ],
    });
  });

  test('a title too long for a button moves to a list, too long for a row to numbered text', () => {
    const longForButton = items(2, (i) => `Consultation n°${i} au cabinet`.slice(0, 22));
    expect(renderMenu(menu(longForButton), whatsapp).type).toBe('list');
    const longForRow = items(2, (i) => `Téléconsultation vidéo numéro ${i}`);
    expect(renderMenu(menu(longForRow), whatsapp)).toEqual({
      type: 'text',
      text: 'Votre choix ?\n\n1. Téléconsultation vidéo numéro 1\n2. Téléconsultation vidéo numéro 2',
    });
  });

  test('titles are measured in characters, not bytes: 20 accented letters still fit a button', () => {
    expect(renderMenu(menu(items(1, () => 'é'.repeat(20))), whatsapp).type).toBe('buttons');
    expect(renderMenu(menu(items(1, () => 'é'.repeat(21))), whatsapp).type).toBe('list');
  });

  test('more than the list holds, or a channel without either: numbered text', () => {
    expect(renderMenu(menu(items(11)), whatsapp).type).toBe('text');
    const bare = { buttons: 0, listRows: 0, buttonTitleMax: 20, rowTitleMax: 24 };
    expect(
      renderMenu(menu([{ id: 'a', title: 'Oui', description: 'je confirme' }, ...items(1)]), bare),
    ).toEqual({
      type: 'text',
      text: 'Votre choix ?\n\n1. Oui — je confirme\n2. Option 1',
    });
  });
});

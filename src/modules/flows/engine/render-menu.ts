import type { OutboundMessage } from '../../../channels/outbound-message.ts';
import type { ChannelCapabilities } from './flow-context.ts';

/** A menu item already in the patient's language. */
export interface MenuItem {
  id: string;
  title: string;
  description?: string;
}

export interface Menu {
  body: string;
  items: readonly MenuItem[];
  /** The label of the button that opens a list. */
  buttonLabel: string;
}

/**
 * The best the channel can show: reply buttons when the items fit, else a list, else a numbered text the
 * patient answers with a number. A title too long for a button or a row moves the menu down a form
 * rather than being cut, since a cut title can stop saying what it means.
 */
export function renderMenu(menu: Menu, capabilities: ChannelCapabilities): OutboundMessage {
  const { items } = menu;
  if (items.length <= capabilities.buttons && fits(items, capabilities.buttonTitleMax)) {
    return { type: 'buttons', body: menu.body, buttons: items.map(({ id, title }) => ({ id, title })) };
  }
  if (items.length <= capabilities.listRows && fits(items, capabilities.rowTitleMax)) {
    // Where rows have no description (Messenger's quick replies), the titles alone must say it.
    const described = capabilities.rowDescriptions !== false;
    const rows = items.map(({ id, title, description }) =>
      !described || description === undefined || description.trim() === ''
        ? { id, title }
        : { id, title, description },
    );
    return { type: 'list', body: menu.body, buttonLabel: menu.buttonLabel, sections: [{ rows }] };
  }
  return { type: 'text', text: numberedMenu(menu) };
}

/** "Body\n\n1. First\n2. Second — what it is" */
export function numberedMenu(menu: Menu): string {
  const lines = menu.items.map((item, index) => {
    const description = item.description?.trim();
    return `${index + 1}. ${item.title}${description ? ` — ${description}` : ''}`;
  });
  return `${menu.body}\n\n${lines.join('\n')}`;
}

function fits(items: readonly MenuItem[], max: number): boolean {
  return items.every((item) => [...item.title].length <= max && item.title.trim() !== '');
}

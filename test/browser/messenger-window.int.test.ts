import { eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations, messages } from '../../src/db-schema.ts';
import { listChannelAccountsOfType } from '../../src/modules/channel-accounts/channel-account.repository.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import {
  type CarelineWithWeb,
  signInAsDemoAdmin,
  startCarelineWithWeb,
} from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const STEP = { timeout: 20_000 };
const HOUR_MS = 3_600_000;

/**
 * The composer on Messenger once its 24-hour window has closed: the demo clinic's Page, played by the
 * simulator's stand-in; the patient writes there, and the conversation's last message is moved back.
 */
describe.each(TEST_ENGINES)(
  'the composer on Messenger after the window, in a real browser (%s)',
  (engine) => {
    let careline: CarelineWithWeb;
    let browser: Browser;
    let agent: Page;
    let pageId: string;
    let conversationId: string;
    const person = { key: 'browser-window', name: 'Léa Dubois' };

    beforeAll(async () => {
      const dist = await builtWebApp();
      careline = await startCarelineWithWeb(engine, dist, { otherChannels: true });
      const [page] = await listChannelAccountsOfType(careline.handle.db, 'messenger');
      if (!page) throw new Error('the demo clinic has no Facebook Page');
      pageId = page.externalId;
      browser = await launchBrowser();
      agent = await newPage(browser, careline.url, 'en-GB');
      agent.setDefaultTimeout(STEP.timeout);
    });
    afterAll(async () => {
      await browser?.close();
      await careline?.close();
    });

    async function movePatientsLastMessageBack(hours: number): Promise<void> {
      await careline.handle.db
        .update(conversations)
        .set({ lastInboundAt: sql`${conversations.lastInboundAt} - make_interval(hours => ${hours})` })
        .where(eq(conversations.id, conversationId));
      const user = careline.simulator.messenger.userOf(pageId, person.key);
      if (!user?.lastInboundAt) throw new Error('the stand-in does not know the patient');
      user.lastInboundAt = new Date(user.lastInboundAt.getTime() - hours * HOUR_MS);
    }

    test('30 hours after the patient wrote: only a person’s reply, until a date; it goes tagged', async () => {
      await signInAsDemoAdmin(agent, careline);

      const { mid } = await careline.simulator.messenger.patientActs(
        pageId,
        { person, action: { type: 'text', text: 'Bonjour, mon ordonnance est-elle prête ?' } },
        `${careline.url}/simulator`,
      );
      conversationId = await eventually(async () => {
        const [row] = await careline.handle.db
          .select({ id: messages.conversationId })
          .from(messages)
          .where(eq(messages.externalId, String(mid)));
        return row?.id;
      }, STEP.timeout);
      // The welcome menu goes out first, within the window.
      await eventually(
        async () =>
          careline.simulator.messenger
            .sends(pageId)
            .find((m) => JSON.stringify(m.request).includes('quick_replies')),
        STEP.timeout,
      );
      await movePatientsLastMessageBack(30);
      await agent.goto(`/inbox/${conversationId}`);

      await agent.getByText(/^Only a person’s reply can be sent, until /).waitFor();
      await agent.getByText(/automated messages \(flows, reminders\) are not sent/).waitFor();
      expect(await agent.getByText('send an approved template').count()).toBe(0);
      const textbox = agent.getByRole('textbox', { name: 'Message to the patient' });
      await expect(textbox.isDisabled()).resolves.toBe(false);
      await screenshot(agent, `${engine}-messenger-person-reply-only`);

      await textbox.fill('Oui, elle vous attend à l’accueil.');
      await agent.getByRole('button', { name: 'Send', exact: true }).click();
      await agent
        .getByTestId('message')
        .filter({ hasText: 'elle vous attend' })
        .getByRole('img', { name: /Sent|Delivered|Read/ })
        .waitFor(STEP);
      const sent = careline.simulator.messenger
        .sends(pageId)
        .find((m) => JSON.stringify(m.request).includes('elle vous attend'));
      expect(sent?.request).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    });

    test('8 days after: nothing can be sent until the patient writes again, free text is off', async () => {
      await movePatientsLastMessageBack(8 * 24 - 30);
      await agent.reload();
      await agent.getByText('Nothing can be sent until the patient writes again').waitFor();
      await expect(agent.getByRole('textbox', { name: 'Message to the patient' }).isDisabled()).resolves.toBe(
        true,
      );
      await expect(agent.getByRole('button', { name: 'Send a template' }).isDisabled()).resolves.toBe(true);
      await screenshot(agent, `${engine}-messenger-nothing`);
    });
  },
);

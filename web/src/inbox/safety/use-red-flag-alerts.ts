import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedFlagEvent } from '../../api/live-events.ts';
import { redFlagLabel } from '../../format/red-flag-label.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { beep } from './beep.ts';

/**
 * What a signed-in person gets when a patient raises a red flag in a conversation that is theirs or
 * nobody's: a browser notification (an in-app one when the browser's are not allowed) and a beep.
 * Conversations a colleague has are left to that colleague; the list still pins them for everyone.
 */
export function useRedFlagAlerts(openConversation: (id: string) => void): (event: RedFlagEvent) => void {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const notify = useNotify();
  const open = useRef(openConversation);
  open.current = openConversation;

  return useCallback(
    (event: RedFlagEvent) => {
      if (event.assigneeUserId !== null && event.assigneeUserId !== user.id) return;
      const category = redFlagLabel(event.category, t);
      beep();
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        const notification = new Notification(t('safety.alert.title'), {
          body: category,
          tag: `red-flag-${event.redFlagId}`,
          requireInteraction: true,
        });
        notification.onclick = () => {
          window.focus();
          open.current(event.conversationId);
          notification.close();
        };
        return;
      }
      notify(t('safety.alert.inApp', { category }), 'red');
    },
    [user.id, t, notify],
  );
}

import { channelName } from '../channel-accounts/channel-name.ts';
import { patientLanguage } from '../flows/flow-host-context.ts';
import type { InboundInterceptor } from '../flows/flow-runtime-deps.ts';
import { recordConsent } from './consent.service.ts';
import { isHelpKeyword, isProviderStop, matchConsentKeyword } from './consent-keyword.ts';
import { consentKeywordConfirmation, smsHelpAnswer } from './consent-texts.ts';
import { replyInConversation } from './interceptor-reply.ts';

/**
 * STOP, ARRÊT, STOP RAPPELS, UNSUBSCRIBE, DÉSABONNER withdraw (on SMS also STOPALL, CANCEL, END,
 * QUIT, as carriers read them); START, REPRENDRE, UNSTOP, RESUME restore the reminders; STOP CONSEILS,
 * STOP INFOS, STOP INFO, STOP HEALTH TIPS, STOP NEWS withdraw health information only (START CONSEILS…
 * bring it back); HELP on SMS is
 * answered with the clinic's name and how to stop. Each purpose it touches gets a ledger line with the keyword exactly as typed, and the
 * patient is told what changed and how to undo it. Runs before any flow, so it works mid-conversation.
 */
export const consentKeywordInterceptor: InboundInterceptor = async (scope, message) => {
  if (message.direction !== 'inbound') return 'pass';
  const language = patientLanguage(scope.contact, scope.org);
  if (isHelpKeyword(message.text, scope.channel)) {
    await replyInConversation(scope, { type: 'text', text: smsHelpAnswer(language, scope.org.name) });
    return 'handled';
  }
  const match = matchConsentKeyword(message.text, scope.channel);
  if (!match || message.text === null) return 'pass';
  const keyword = message.text.trim();
  for (const purpose of match.purposes) {
    await recordConsent(scope.tx, scope.deps.keyring, {
      orgId: scope.org.id,
      contactId: scope.contact.id,
      channel: scope.channel,
      purpose,
      granted: match.granted,
      method: 'keyword',
      textShown: keyword,
      messageId: message.id,
      at: scope.now,
    });
  }
  // On SMS the provider answers STOP itself and refuses anything sent after it (Twilio's 21610).
  if (isProviderStop(message.text, scope.channel)) return 'handled';
  await replyInConversation(scope, {
    type: 'text',
    text: consentKeywordConfirmation(match.action, language, scope.org.name, channelName(scope.channel)),
  });
  return 'handled';
};

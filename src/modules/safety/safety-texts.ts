import { redFlagLabel } from '../flows/red-flag-note.ts';
import type { EmergencyNumbers } from '../flows/red-flags/emergency-advice.ts';
import type { RedFlagCategory } from '../flows/red-flags/red-flag-category.ts';

type Language = 'fr' | 'en';

/** « 15 (ou le 112) »: the clinic's emergency number and its second one, as a sentence ends them. */
export function emergencyNumberPhrase(numbers: EmergencyNumbers, language: Language): string {
  const second =
    numbers.european !== undefined && numbers.european !== numbers.emergency ? numbers.european : undefined;
  if (language === 'fr')
    return second ? `le ${numbers.emergency} (ou le ${second})` : `le ${numbers.emergency}`;
  return second ? `${numbers.emergency} (or ${second})` : numbers.emergency;
}

/** What the team reads when a red flag came in while a person had the conversation. */
export function staffRedFlagNote(
  category: RedFlagCategory,
  words: string,
  advised: boolean,
  language: Language,
): string {
  const label = redFlagLabel(category, language);
  if (language === 'fr') {
    const advice = advised
      ? 'Le patient a reçu les consignes d’urgence.'
      : 'Les consignes d’urgence ne lui ont pas été envoyées (réglage de la clinique) : répondez-lui maintenant.';
    return `⚠️ Signal d’alerte\u00a0: ${label}. Le patient a écrit «\u00a0${words}\u00a0». ${advice} À traiter en priorité.`;
  }
  const advice = advised
    ? 'The patient received the emergency advice.'
    : 'No emergency advice was sent (clinic setting): answer them now.';
  return `⚠️ Red flag: ${label}. The patient wrote “${words}”. ${advice} Deal with it first.`;
}

/** The team's record of who acknowledged an alert, in the timeline. */
export function acknowledgementNote(name: string | null, language: Language): string {
  const who = name ?? (language === 'fr' ? 'un membre de l’équipe' : 'a member of the team');
  return language === 'fr' ? `✅ Alerte prise en compte par ${who}.` : `✅ Alert acknowledged by ${who}.`;
}

export type UnreadableKind = 'voice' | 'image' | 'video';

const UNREADABLE: Record<UnreadableKind, { fr: [string, string]; en: [string, string] }> = {
  voice: {
    fr: ['Nous ne pouvons pas écouter les messages vocaux automatiquement.', 'écoutera votre message'],
    en: ['We cannot listen to voice messages automatically.', 'will listen to your message'],
  },
  image: {
    fr: ['Nous ne pouvons pas regarder les photos automatiquement.', 'regardera votre photo'],
    en: ['We cannot look at photos automatically.', 'will look at your photo'],
  },
  video: {
    fr: ['Nous ne pouvons pas regarder les vidéos automatiquement.', 'regardera votre vidéo'],
    en: ['We cannot watch videos automatically.', 'will watch your video'],
  },
};

/** The answer to a voice note, photo or video that no automation can read: write it, or call. */
export function unreadableMediaReply(kind: UnreadableKind, numbers: EmergencyNumbers, language: Language) {
  const [cannot, will] = UNREADABLE[kind][language];
  const number = emergencyNumberPhrase(numbers, language);
  return language === 'fr'
    ? `${cannot} Un membre de l’équipe ${will} dès que possible\u00a0; vous pouvez aussi nous écrire votre demande en quelques mots.\nEn cas d’urgence, n’attendez pas\u00a0: appelez ${number}.`
    : `${cannot} A member of the team ${will} as soon as possible; you can also write your request in a few words.\nIn an emergency, do not wait: call ${number}.`;
}

const KIND_LABEL: Record<UnreadableKind, { fr: string; en: string }> = {
  voice: { fr: '🎤 Message vocal reçu', en: '🎤 Voice message received' },
  image: { fr: '📷 Photo reçue', en: '📷 Photo received' },
  video: { fr: '🎬 Vidéo reçue', en: '🎬 Video received' },
};

/** The team's note: a file arrived that automation could not read, and a person must. */
export function unreadableMediaNote(kind: UnreadableKind, language: Language): string {
  const label = KIND_LABEL[kind][language];
  return language === 'fr'
    ? `${label} pendant l’automatisation\u00a0: personne ne l’a encore écouté ou regardé. Le patient a été invité à écrire sa demande et a reçu le numéro d’urgence.`
    : `${label} while automation had the conversation: nobody has listened to or looked at it yet. The patient was asked to write their request and given the emergency number.`;
}

import { z } from 'zod';
import type { RedFlagCategory } from './red-flag-category.ts';

const dialable = z
  .string({ error: 'a phone number is required' })
  .max(16, { error: 'a phone number is digits, optionally spaced, e.g. 15, 112, 116 123', abort: true })
  .regex(/^\+?\d[\d ]{1,14}$/, 'a phone number is digits, optionally spaced, e.g. 15, 112, 116 123');

/**
 * The numbers a patient of this clinic calls in an emergency, a per-clinic setting. When the suicide line
 * is not set, suicidal wording gets the emergency number alone: another country's line is never guessed.
 */
export const emergencyNumbersSchema = z.strictObject({
  emergency: dialable.describe('The medical emergency number: 15 in France, 999 in the UK, 911 in the US'),
  european: dialable.optional().describe('A second emergency number, e.g. 112 (all of the EU)'),
  suicide: dialable.optional().describe('The suicide prevention line: 3114 in France, 988 in the US'),
});

export type EmergencyNumbers = z.infer<typeof emergencyNumbersSchema>;

/** France: SAMU 15, European 112, and 3114, the national suicide prevention line. */
export const FRENCH_EMERGENCY_NUMBERS: EmergencyNumbers = {
  emergency: '15',
  european: '112',
  suicide: '3114',
};

type Localised = { fr: string; en: string };

/** What to do while help comes, one or two short sentences each, from first-aid guidance. */
const WHAT_TO_DO: Record<RedFlagCategory, Localised> = {
  chest_pain: {
    fr: 'Arrêtez tout effort, asseyez-vous ou allongez-vous, et ne conduisez pas.',
    en: 'Stop what you are doing, sit or lie down, and do not drive.',
  },
  breathing_difficulty: {
    fr: 'Restez assis bien droit et desserrez vos vêtements. Si vous avez un inhalateur de secours, utilisez-le.',
    en: 'Sit upright and loosen tight clothing. If you have a reliever inhaler, use it.',
  },
  stroke_signs: {
    fr: 'Notez l’heure du début des signes. Ne donnez rien à boire, à manger ni à avaler.',
    en: 'Note the time the signs started. Give nothing to eat, drink or swallow.',
  },
  severe_allergy: {
    fr: 'Si vous avez un stylo d’adrénaline, utilisez-le tout de suite. Allongez-vous jambes surélevées, ou restez assis si vous respirez mal.',
    en: 'If you have an adrenaline auto-injector, use it now. Lie down with your legs raised, or sit up if breathing is hard.',
  },
  heavy_bleeding: {
    fr: 'Si le sang vient d’une plaie, appuyez fort dessus avec un linge propre, sans relâcher. Allongez-vous.',
    en: 'If the blood comes from a wound, press hard on it with a clean cloth and keep pressing. Lie down.',
  },
  loss_of_consciousness: {
    fr: 'Si la personne respire, mettez-la sur le côté. Si elle ne respire pas, commencez le massage cardiaque : on vous guidera au téléphone.',
    en: 'If the person is breathing, lay them on their side. If not, start chest compressions: you will be guided on the phone.',
  },
  seizure: {
    fr: 'Ne mettez rien dans sa bouche, éloignez ce qui peut la blesser et notez l’heure du début. Après la crise, mettez-la sur le côté.',
    en: 'Put nothing in their mouth, move away anything that could hurt them and note the time it started. Afterwards, lay them on their side.',
  },
  meningitis_signs: {
    fr: 'N’attendez pas : une fièvre avec raideur de la nuque ou des taches qui ne s’effacent pas doit être vue tout de suite.',
    en: 'Do not wait: a fever with a stiff neck or a rash that does not fade must be seen at once.',
  },
  sepsis_signs: {
    fr: 'Dites au téléphone que vous craignez une infection grave (sepsis).',
    en: 'Say on the phone that you are worried about sepsis.',
  },
  infant_fever: {
    fr: 'Avant 3 mois, une fièvre doit être vue par un médecin sans attendre. Découvrez le bébé et proposez-lui à boire.',
    en: 'Under 3 months, a fever must be seen by a doctor without delay. Keep the baby lightly dressed and offer feeds.',
  },
  pregnancy_emergency: {
    fr: 'Allongez-vous sur le côté gauche et gardez votre dossier de grossesse à portée de main. Vous pouvez aussi appeler votre maternité.',
    en: 'Lie on your left side and keep your pregnancy notes at hand. You can also call your maternity unit.',
  },
  poisoning_overdose: {
    fr: 'Ne faites pas vomir et ne donnez rien à boire. Gardez l’emballage ou le produit pour le montrer.',
    en: 'Do not try to make them vomit and give nothing to drink. Keep the packet or the product to show.',
  },
  severe_head_injury: {
    fr: 'Restez avec la personne, ne la laissez pas seule, et ne lui donnez rien à boire ni à manger.',
    en: 'Stay with the person, do not leave them alone, and give nothing to eat or drink.',
  },
  severe_burn: {
    fr: 'Refroidissez la brûlure sous l’eau tempérée du robinet pendant 15 à 20 minutes. Pas de glace, pas de crème.',
    en: 'Cool the burn under cool running water for 15 to 20 minutes. No ice, no creams.',
  },
  severe_abdominal_pain: {
    fr: 'Ne mangez pas et ne buvez pas en attendant l’avis d’un médecin.',
    en: 'Do not eat or drink until a doctor has seen you.',
  },
  suicidal_thoughts: {
    fr: 'Si vous le pouvez, ne restez pas seul(e) : appelez un proche, et éloignez ce qui pourrait vous blesser.',
    en: 'If you can, do not stay alone: call someone close, and put away anything you could hurt yourself with.',
  },
};

const TEXTS = {
  fr: {
    lead: 'Ce que vous décrivez peut être une urgence.',
    leadSuicide: 'Merci de nous l’avoir dit. Vous n’êtes pas seul(e), et de l’aide existe maintenant.',
    call: (number: string) => `Appelez le ${number} maintenant`,
    or: (number: string) => ` (ou le ${number})`,
    suicideLine: (number: string) => `Appelez le ${number} (prévention du suicide, 24\u00a0h/24).`,
    inDanger: (number: string) => `En cas de danger immédiat, appelez le ${number}`,
    closing: 'N’attendez pas notre réponse pour appeler : un membre de l’équipe a été prévenu.',
  },
  en: {
    lead: 'What you describe may be an emergency.',
    leadSuicide: 'Thank you for telling us. You are not alone, and help is available now.',
    call: (number: string) => `Call ${number} now`,
    or: (number: string) => ` (or ${number})`,
    suicideLine: (number: string) => `Call ${number} (suicide prevention, 24/7).`,
    inDanger: (number: string) => `If you are in immediate danger, call ${number}`,
    closing: 'Do not wait for our reply to call: a member of the team has been alerted.',
  },
} as const;

/**
 * The message a patient receives when a red flag stops the automation: short, calm, imperative, with
 * the number to call first and what to do until help comes. Suicidal wording gets the suicide prevention
 * line first when the clinic has one, and the emergency number for immediate danger.
 */
export function emergencyAdvice(
  category: RedFlagCategory,
  language: 'fr' | 'en',
  numbers: EmergencyNumbers = FRENCH_EMERGENCY_NUMBERS,
  /** Every sign the message raised: suicidal wording beside a more urgent sign still gets its line. */
  alsoRaised: readonly RedFlagCategory[] = [],
): string {
  const texts = TEXTS[language];
  const orEuropean =
    numbers.european !== undefined && numbers.european !== numbers.emergency
      ? texts.or(numbers.european)
      : '';
  const todo = WHAT_TO_DO[category][language];
  if (category === 'suicidal_thoughts' && numbers.suicide !== undefined) {
    const danger = `${texts.inDanger(numbers.emergency)}${orEuropean}.`;
    return [texts.leadSuicide, texts.suicideLine(numbers.suicide), danger, todo, texts.closing].join(' ');
  }
  const lead = category === 'suicidal_thoughts' ? texts.leadSuicide : texts.lead;
  const suicideToo =
    category !== 'suicidal_thoughts' && alsoRaised.includes('suicidal_thoughts') && numbers.suicide
      ? [texts.suicideLine(numbers.suicide)]
      : [];
  return [lead, `${texts.call(numbers.emergency)}${orEuropean}.`, todo, ...suicideToo, texts.closing].join(
    ' ',
  );
}

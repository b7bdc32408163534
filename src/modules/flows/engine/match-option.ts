import { foldText } from './fold-text.ts';
import { FLOW_LANGUAGES, inLanguage, type Localised } from './localised.ts';

export interface MatchableOption {
  id: string;
  title: Localised;
  aliases?: string[];
}

export interface OptionReply {
  text?: string;
  replyId?: string;
}

/**
 * The option a patient chose: the button or row they tapped, the number they typed ("2", "2.", "n°2"),
 * or the title they wrote in either language, whatever its case, accents and punctuation. Numbers count
 * from 1 in the order shown, which is the options' order.
 */
export function matchOption<T extends MatchableOption>(
  options: readonly T[],
  reply: OptionReply,
): T | undefined {
  if (reply.replyId !== undefined) {
    const tapped = options.find((option) => option.id === reply.replyId);
    if (tapped !== undefined) return tapped;
  }
  const text = reply.text?.trim() ?? '';
  if (text === '') return undefined;
  const position = optionNumber(text);
  if (position !== undefined) return options[position - 1];
  const folded = foldText(text);
  if (folded === '') return undefined;
  return options.find((option) => optionWords(option).includes(folded));
}

/** "2", "2.", "2)", "n°2", "N° 2", "no 2", "#2", "option 2" → 2. */
export function optionNumber(text: string): number | undefined {
  const match = /^(?:n\s*°|no\.?|nº|#|option|choix)?\s*(\d{1,2})\s*[.)]?$/iu.exec(text.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function optionWords(option: MatchableOption): string[] {
  const titles = FLOW_LANGUAGES.map((language) => inLanguage(option.title, language));
  return [...titles, ...(option.aliases ?? [])].map(foldText).filter((word) => word !== '');
}

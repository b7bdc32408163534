import { foldText } from '../flows/engine/fold-text.ts';
import type { ReminderAction } from './reminder-action.ts';

// Whole messages only, folded (no case, accents or punctuation): "Oui !" is "oui", "J'annule" "j annule".
const TYPED: ReadonlyMap<string, ReminderAction> = new Map([
  ['oui', 'confirm'],
  ['confirmer', 'confirm'],
  ['je confirme', 'confirm'],
  ['confirme', 'confirm'],
  ['yes', 'confirm'],
  ['confirm', 'confirm'],
  ['i confirm', 'confirm'],
  ['annuler', 'cancel'],
  ['j annule', 'cancel'],
  ['annule', 'cancel'],
  ['cancel', 'cancel'],
  ['deplacer', 'reschedule'],
  ['reporter', 'reschedule'],
  ['reschedule', 'reschedule'],
]);

/**
 * A typed answer to a reminder ("oui", "annuler"), read as the button it stands for. The caller only
 * takes it as such when it is the patient's first message after a reminder: "oui" is otherwise
 * an answer to something else.
 */
export function typedReminderAction(text: string | null | undefined): ReminderAction | null {
  if (!text || text.length > 40) return null;
  return TYPED.get(foldText(text)) ?? null;
}

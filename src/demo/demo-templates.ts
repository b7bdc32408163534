import { CSAT_TEMPLATE } from '../modules/flows/csat-template.ts';
import { PARTNER_ORDER_TEMPLATE, PARTNER_ORDER_TEMPLATE_TEXT } from '../modules/pharmacy/partner-messages.ts';
import { PATIENT_TEMPLATE_TEXT } from '../modules/pharmacy/patient-templates.ts';
import { reminderTemplateComponents } from '../modules/reminders/reminder-template.ts';
import type { WhatsAppSimulator } from '../simulator/whatsapp-simulator.ts';

/**
 * The approved templates of the demo clinic's WhatsApp Business Account, in French and English, so a
 * newcomer can reach a patient whose 24-hour window has closed.
 */
export function installDemoTemplates(simulator: WhatsAppSimulator, wabaId: string): void {
  // The appointment reminder sent when the 24-hour window is closed: Confirm / Cancel / Reschedule.
  for (const language of ['fr', 'en'] as const) {
    simulator.upsertTemplate({
      wabaId,
      name: 'rappel_rendez_vous',
      language,
      category: 'UTILITY',
      status: 'APPROVED',
      components: reminderTemplateComponents(language),
    });
  }
  const followUp = (language: string, body: string) =>
    simulator.upsertTemplate({
      wabaId,
      name: 'reprise_contact',
      language,
      category: 'UTILITY',
      status: 'APPROVED',
      components: [{ type: 'BODY', text: body }],
    });
  followUp(
    'fr',
    'Bonjour {{1}}, l’équipe de {{2}} souhaite reprendre contact avec vous. Répondez pour poursuivre.',
  );
  followUp('en', 'Hello {{1}}, the team at {{2}} would like to get back to you. Reply to continue.');
  // The satisfaction survey when the conversation closed after the 24-hour window: the patient's
  // answer reopens the window and the survey goes on as usual.
  const survey = (language: string, body: string) =>
    simulator.upsertTemplate({
      wabaId,
      name: CSAT_TEMPLATE,
      language,
      category: 'UTILITY',
      status: 'APPROVED',
      components: [{ type: 'BODY', text: body }],
    });
  survey(
    'fr',
    'Bonjour {{1}}, votre échange avec {{2}} est terminé. Comment l’évalueriez-vous, de 1 (très insatisfait) à 5 (très satisfait) ? Répondez simplement par un chiffre.',
  );
  survey(
    'en',
    'Hello {{1}}, your conversation with {{2}} has ended. How would you rate it, from 1 (very dissatisfied) to 5 (very satisfied)? Just reply with a number.',
  );
  for (const language of ['fr', 'en'] as const) {
    // A prescription order to a partner pharmacy that has not written within 24 hours.
    const partner = PARTNER_ORDER_TEMPLATE_TEXT[language];
    simulator.upsertTemplate({
      wabaId,
      name: PARTNER_ORDER_TEMPLATE,
      language,
      category: 'UTILITY',
      status: 'APPROVED',
      components: [
        { type: 'BODY', text: partner.body },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: partner.button }] },
      ],
    });
    // The patient told their medicines are ready or on their way, outside the window.
    for (const [name, text] of Object.entries(PATIENT_TEMPLATE_TEXT))
      simulator.upsertTemplate({
        wabaId,
        name,
        language,
        category: 'UTILITY',
        status: 'APPROVED',
        components: [{ type: 'BODY', text: text[language] }],
      });
  }
}

import type { Step } from '../engine/index.ts';
import { answerMenu } from './answer-menu.ts';

export interface MenuExits {
  menu: string;
  human: string;
  failure: string;
}

/**
 * "Conseils santé": a short list of general tips (`tips`), each answered in one message (`tip_*`).
 * General advice only, from French public-health guidance; anything personal goes to a person.
 */
export function healthTipsSteps(exits: MenuExits): Record<string, Step> {
  const more = { title: { fr: 'Autres conseils', en: 'More tips' }, next: 'tips' };
  const answer = (fr: string, en: string) => answerMenu({ fr, en }, { ...exits, more });
  return {
    tips: {
      type: 'menu',
      prompt: { fr: 'Quel conseil vous intéresse ?', en: 'Which tip would you like?' },
      buttonLabel: { fr: 'Voir les conseils', en: 'See tips' },
      options: [
        { id: 'hydration', title: { fr: 'Bien s’hydrater', en: 'Staying hydrated' }, next: 'tip_hydration' },
        { id: 'fever', title: { fr: 'Fièvre chez l’adulte', en: 'Fever in adults' }, next: 'tip_fever' },
        { id: 'medicines', title: { fr: 'Vos médicaments', en: 'Your medicines' }, next: 'tip_medicines' },
        { id: 'vaccines', title: { fr: 'Vaccination', en: 'Vaccination' }, next: 'tip_vaccines' },
        {
          id: 'back',
          title: { fr: 'Retour au menu', en: 'Back to menu' },
          aliases: ['menu', 'retour', 'back'],
          next: exits.menu,
        },
      ],
      maxAttempts: 2,
      failure: exits.failure,
    },
    tip_hydration: answer(
      '💧 Bien s’hydrater\n' +
        'Buvez régulièrement dans la journée, environ 1,5 litre (eau, tisanes, soupes), et davantage en cas de chaleur, de fièvre, de diarrhée ou d’effort. ' +
        'Les jeunes enfants et les personnes âgées se déshydratent vite et ressentent moins la soif : proposez-leur souvent à boire.\n' +
        'Signes de déshydratation : bouche sèche, urines rares et foncées, fatigue, vertiges. Pour un nourrisson ou une personne âgée, consultez rapidement.',
      '💧 Staying hydrated\n' +
        'Drink regularly through the day, about 1.5 litres (water, herbal tea, soup), and more in hot weather, with fever, diarrhoea or exercise. ' +
        'Young children and older people dehydrate quickly and feel less thirsty: offer them drinks often.\n' +
        'Signs of dehydration: dry mouth, little and dark urine, tiredness, dizziness. For a baby or an older person, see a doctor quickly.',
    ),
    tip_fever: answer(
      '🌡️ Fièvre chez l’adulte\n' +
        'La fièvre (38 °C ou plus) est le plus souvent la réaction du corps à une infection. Reposez-vous, buvez souvent et, si elle vous gêne, prenez du paracétamol en respectant la dose de la notice.\n' +
        'Consultez si elle dure plus de 3 jours, dépasse 40 °C ou revient après avoir disparu, ou si vous êtes enceinte, âgé(e) ou sous un traitement qui affaiblit l’immunité.\n' +
        'Appelez {{org.emergency_call.fr}} sans attendre en cas de raideur de la nuque, de taches sur la peau qui ne s’effacent pas quand on appuie dessus, de confusion ou de difficulté à respirer.',
      '🌡️ Fever in adults\n' +
        'A fever (38 °C or more) is most often the body fighting an infection. Rest, drink often and, if it bothers you, take paracetamol at the dose on the leaflet.\n' +
        'See a doctor if it lasts more than 3 days, goes above 40 °C or comes back after going away, or if you are pregnant, elderly or on a treatment that weakens immunity.\n' +
        'Call {{org.emergency_call.en}} at once for a stiff neck, spots on the skin that do not fade when pressed, confusion or difficulty breathing.',
    ),
    tip_medicines: answer(
      '💊 Vos médicaments\n' +
        'Demandez le renouvellement d’un traitement habituel 1 à 2 semaines avant la fin de votre ordonnance. ' +
        'N’arrêtez pas un traitement et ne changez pas les doses sans avis médical. ' +
        'Gardez sur vous la liste de vos médicaments (ou une photo de l’ordonnance) : elle est précieuse en cas d’urgence. ' +
        'Rapportez les médicaments périmés ou inutilisés à la pharmacie.',
      '💊 Your medicines\n' +
        'Ask for a repeat prescription 1 to 2 weeks before your current one runs out. ' +
        'Do not stop a treatment or change a dose without medical advice. ' +
        'Keep a list of your medicines with you (or a photo of the prescription): it helps in an emergency. ' +
        'Take expired or unused medicines back to a pharmacy.',
    ),
    tip_vaccines: answer(
      '💉 Vaccination\n' +
        'Vérifiez vos vaccins dans votre carnet de santé ou sur Mon espace santé. ' +
        'Chez l’adulte, le rappel diphtérie-tétanos-polio se fait à 25, 45 et 65 ans, puis tous les 10 ans. ' +
        'La grippe et le Covid-19 sont recommandés chaque automne à partir de 65 ans, pendant la grossesse et en cas de maladie chronique. ' +
        'Avant un voyage, demandez-nous conseil quelques semaines avant le départ.',
      '💉 Vaccination\n' +
        'Check your vaccines in your health record book or on Mon espace santé. ' +
        'For adults in France, the diphtheria-tetanus-polio booster is due at 25, 45 and 65, then every 10 years. ' +
        'Flu and COVID-19 vaccines are recommended each autumn from age 65, during pregnancy and with a chronic illness. ' +
        'Before travelling, ask us for advice a few weeks ahead.',
    ),
  };
}

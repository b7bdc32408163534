import type { Step } from '../engine/index.ts';
import type { BilingualText } from './bilingual-text.ts';

/** The intake's answers as a clinician reads them: one labelled line each, in the order asked. */
const ANSWER_LINES = {
  complaint: { fr: 'Motif : {{answers.complaint}}', en: 'Complaint: {{answers.complaint}}' },
  since: { fr: 'Depuis : {{answers.since}}', en: 'Since: {{answers.since}}' },
  severity: { fr: 'Intensité (0–10) : {{answers.severity}}', en: 'Severity (0–10): {{answers.severity}}' },
  age: { fr: 'Âge (ans) : {{answers.age}}', en: 'Age (years): {{answers.age}}' },
  treatments: {
    fr: 'Traitements en cours : {{answers.treatments}}',
    en: 'Current treatments: {{answers.treatments}}',
  },
} satisfies Record<string, BilingualText>;

export type IntakeAnswer = keyof typeof ANSWER_LINES;

/**
 * The pregnancy answer is an option id (`yes`…), which would read badly in a note, and a question never
 * asked (outside 12–55 years) must not read as a "no": each case gets its own wording.
 */
const PREGNANCY_LINES = {
  pregnant: { when: 'yes', line: { fr: 'Grossesse : OUI', en: 'Pregnant: YES' } },
  not_pregnant: { when: 'no', line: { fr: 'Grossesse : non', en: 'Pregnant: no' } },
  pregnancy_na: {
    when: 'not_applicable',
    line: { fr: 'Grossesse : non concerné(e)', en: 'Pregnant: not applicable' },
  },
  pregnancy_unasked: { when: undefined, line: { fr: 'Grossesse : non demandée', en: 'Pregnant: not asked' } },
} as const;

/** A note of the intake: a heading, then the answers named, pregnancy after age when given. */
export function intakeNote(
  heading: BilingualText,
  answers: readonly IntakeAnswer[],
  pregnancy?: BilingualText,
): BilingualText {
  const lines = (language: keyof BilingualText) => [
    heading[language],
    ...answers.flatMap((answer) => [
      ANSWER_LINES[answer][language],
      ...(answer === 'age' && pregnancy !== undefined ? [pregnancy[language]] : []),
    ]),
  ];
  return { fr: lines('fr').join('\n'), en: lines('en').join('\n') };
}

/**
 * Steps that write the full intake note, then go to `next`: `id` picks the wording of the pregnancy line,
 * `id_pregnant`, `id_not_pregnant`, `id_pregnancy_na` and `id_pregnancy_unasked` each write the note.
 */
export function intakeSummarySteps(id: string, heading: BilingualText, next: string): Record<string, Step> {
  const all: IntakeAnswer[] = ['complaint', 'since', 'severity', 'age', 'treatments'];
  const steps: Record<string, Step> = {
    [id]: {
      type: 'branch',
      cases: Object.entries(PREGNANCY_LINES).flatMap(([suffix, { when }]) =>
        when === undefined
          ? []
          : [{ when: { type: 'answer', key: 'pregnancy', op: 'eq', value: when }, next: `${id}_${suffix}` }],
      ),
      else: `${id}_pregnancy_unasked`,
    },
  };
  for (const [suffix, { line }] of Object.entries(PREGNANCY_LINES)) {
    steps[`${id}_${suffix}`] = { type: 'note', text: intakeNote(heading, all, line), medical: true, next };
  }
  return steps;
}

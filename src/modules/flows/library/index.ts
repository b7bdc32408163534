// Careline's built-in flows, as data: the host installs them in each clinic, which may edit them after.

import { bookingFlow } from './booking.flow.ts';
import type { BuiltInFlow } from './built-in-flow.schema.ts';
import { csatFlow } from './csat.flow.ts';
import { faqMenuFlow } from './faq-menu.flow.ts';
import { myAppointmentFlow } from './my-appointment.flow.ts';
import { nonUrgentQuestionFlow } from './non-urgent-question.flow.ts';
import { symptomIntakeFlow } from './symptom-intake.flow.ts';

export {
  type BuiltInFlow,
  builtInFlowSchema,
  type FlowTrigger,
  flowTriggerSchema,
} from './built-in-flow.schema.ts';
export { BUILT_IN_TEAMS } from './built-in-teams.ts';
export { bookingFlow, csatFlow, faqMenuFlow, myAppointmentFlow, nonUrgentQuestionFlow, symptomIntakeFlow };

/** Every built-in flow, by priority (lower wins when several match). */
export const BUILT_IN_FLOWS: readonly BuiltInFlow[] = [
  symptomIntakeFlow,
  myAppointmentFlow,
  bookingFlow,
  nonUrgentQuestionFlow,
  faqMenuFlow,
  csatFlow,
];

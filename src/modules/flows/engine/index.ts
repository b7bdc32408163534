// The flow engine: pure functions from (flow, session, input, context) to (session, effects).
// The runtime host persists sessions and carries out effects; nothing here touches I/O.
export { advance, type FlowAdvance, MAX_STEPS_WITHOUT_WAITING } from './advance.ts';
export { addMinutes, clinicTime, isOpen, nextOccurrence } from './clinic-time.ts';
export {
  type Condition,
  conditionSchema,
  FLOW_CHANNELS,
  type Scalar,
  type ValueOperator,
  WEEKDAYS,
  type Weekday,
} from './condition.schema.ts';
export { type ConditionScope, evaluateCondition, testValue } from './evaluate-condition.ts';
export {
  type BusinessHours,
  businessHoursSchema,
  type ChannelCapabilities,
  type FlowContact,
  type FlowContext,
  type ScreenAnswer,
  type ScreenResult,
} from './flow-context.ts';
export { type FlowDefinition, type FlowSettings, flowDefinitionSchema } from './flow-definition.schema.ts';
export type { FlowEffect, FlowEffectType } from './flow-effect.ts';
export { type FlowInput, type FlowInputOf, flowInputSchema } from './flow-input.ts';
export {
  type EndReason,
  type FinalStatus,
  type FlowSession,
  flowSessionSchema,
  isFinal,
  type JsonValue,
  SESSION_STATUSES,
  type SessionStatus,
} from './flow-session.ts';
export { foldText } from './fold-text.ts';
export {
  FLOW_LANGUAGES,
  type FlowLanguage,
  inLanguage,
  type Localised,
  localisedSchema,
  sessionLanguage,
} from './localised.ts';
export { type MatchableOption, matchOption, type OptionReply } from './match-option.ts';
export { type HostOption, hostOptions } from './menu-choices.ts';
export { type AnswerRules, parseAnswer, parseEmail } from './parse-answer.ts';
export { parseDate, parseTime } from './parse-date-time.ts';
export { parseNumber } from './parse-number.ts';
export { normalisePhone } from './parse-phone.ts';
export { type Menu, type MenuItem, renderMenu } from './render-menu.ts';
export { formatValue, type RenderScope, renderJson, renderTemplate, resolvePath } from './render-template.ts';
export type { IgnoredReason } from './run-step.ts';
export { type SendContent, sendContentSchema } from './send-content.schema.ts';
export {
  ASK_KINDS,
  type AskKind,
  STEP_TYPES,
  type Step,
  type StepOf,
  type StepType,
  stepSchema,
} from './step.schema.ts';
export {
  type FlowIssue,
  type FlowValidation,
  formatFlowIssue,
  stepExits,
  validateFlow,
} from './validate-flow.ts';

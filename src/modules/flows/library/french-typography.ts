import { frenchSpacing } from '../../../platform/text/french-spacing.ts';
import { type BuiltInFlow, builtInFlowSchema } from './built-in-flow.schema.ts';

/**
 * A built-in flow with every French text spaced the French way (no-break spaces inside « » and before
 * : ; ! ?), so the texts can be written with ordinary spaces and still never break badly on a phone.
 */
export function typesetFrench(flow: BuiltInFlow): BuiltInFlow {
  return builtInFlowSchema.parse(spaceFrenchTexts(flow));
}

function spaceFrenchTexts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(spaceFrenchTexts);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === 'fr' && typeof item === 'string' ? frenchSpacing(item) : spaceFrenchTexts(item),
    ]),
  );
}

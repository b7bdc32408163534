import { z } from 'zod';
import { type FlowRun, renderScope, say } from './flow-run.ts';
import type { JsonValue } from './flow-session.ts';
import type { MatchableOption } from './match-option.ts';
import type { MenuItem } from './render-menu.ts';
import { resolvePath } from './render-template.ts';
import { MAX_MENU_OPTIONS, type StepOf } from './step.schema.ts';

/**
 * An option as the host hands it over, already in the patient's language. 200 characters is the
 * longest id a WhatsApp list row carries back; other keys (a start time, a practitioner) are allowed.
 */
const hostOptionSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().regex(/\S/),
  description: z.string().optional(),
});
export type HostOption = z.infer<typeof hostOptionSchema>;

/** One option a menu offers this time: `title` is what a typed answer is matched against, `item` what is shown. */
export interface MenuChoice extends MatchableOption {
  next: string;
  item: MenuItem;
}

/**
 * What a menu offers now: the host's options first (those in the variable `optionsFrom` names), then
 * the flow's own. Computed again for each reply: the variable cannot change while the menu waits, so
 * the numbers a patient types still point at what they were shown.
 */
export function menuChoices(run: FlowRun, step: StepOf<'menu'>): MenuChoice[] {
  const fixed = (step.options ?? []).map(
    (option): MenuChoice => ({
      id: option.id,
      title: option.title,
      ...(option.aliases === undefined ? {} : { aliases: option.aliases }),
      next: option.next,
      item: {
        id: option.id,
        title: say(run, option.title),
        ...(option.description === undefined ? {} : { description: say(run, option.description) }),
      },
    }),
  );
  const { optionsFrom, optionNext } = step;
  if (optionsFrom === undefined || optionNext === undefined) return fixed;
  const listed = hostOptions(
    resolvePath(renderScope(run), optionsFrom),
    fixed.map((choice) => choice.id),
  );
  // The flow's own options are the way out ("another time"): they stay, and the host's list gives way.
  const fromHost = listed.slice(0, Math.max(0, MAX_MENU_OPTIONS - fixed.length)).map(
    (option): MenuChoice => ({
      id: option.id,
      title: option.title,
      next: optionNext,
      item: {
        id: option.id,
        title: option.title,
        ...(option.description === undefined ? {} : { description: option.description }),
      },
    }),
  );
  return [...fromHost, ...fixed];
}

/**
 * The host's options that can be shown, in its order. Not a list, or an item without an id or a title:
 * skipped rather than failing the patient's conversation. An id already offered is skipped too, since
 * a tapped row is known by its id alone.
 */
export function hostOptions(value: JsonValue | undefined, takenIds: readonly string[]): HostOption[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set(takenIds);
  const options: HostOption[] = [];
  for (const item of value) {
    const parsed = hostOptionSchema.safeParse(item);
    if (!parsed.success || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    const { id, title, description } = parsed.data;
    options.push(description === undefined ? { id, title } : { id, title, description });
  }
  return options;
}

import type { OutboundMessage } from '../../../channels/outbound-message.ts';
import { LIST_BUTTON_LABEL } from './built-in-texts.ts';
import { type FlowRun, say } from './flow-run.ts';
import type { Localised } from './localised.ts';
import { type MenuItem, renderMenu } from './render-menu.ts';

interface Option {
  id: string;
  title: Localised;
  description?: Localised;
}

/** A step's options as the channel best shows them, in the patient's language. */
export function renderOptions(
  run: FlowRun,
  body: string,
  options: readonly Option[],
  buttonLabel: Localised | undefined,
): OutboundMessage {
  const items = options.map((option) => ({
    id: option.id,
    title: say(run, option.title),
    ...(option.description === undefined ? {} : { description: say(run, option.description) }),
  }));
  return renderItems(run, body, items, buttonLabel);
}

/** Items already in the patient's language (some come from the host) as the channel best shows them. */
export function renderItems(
  run: FlowRun,
  body: string,
  items: readonly MenuItem[],
  buttonLabel: Localised | undefined,
): OutboundMessage {
  return renderMenu(
    { body, items, buttonLabel: say(run, buttonLabel ?? LIST_BUTTON_LABEL) },
    run.context.channel.capabilities,
  );
}

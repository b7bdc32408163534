import type { AccountEvent, TemplateEvent } from './inbound-event.ts';

// The events keep the conformance corpus's name for the provider's business account (`wabaId`, in
// shared/conformance/MANIFEST.md); the modules ask this instead, so that name stays on the channels' side.

/** The provider's business account a template or account event is for; null when it names none. */
export function businessAccountOf(event: Pick<TemplateEvent | AccountEvent, 'wabaId'>): string | null {
  return event.wabaId;
}

import type { InboundInterceptor } from '../flows/inbound-interceptor.ts';

// Placeholder while reminders are being written (issue 6): Confirm / Cancel / Reschedule taps handled here.
export const reminderReplyInterceptor: InboundInterceptor = async () => 'pass';

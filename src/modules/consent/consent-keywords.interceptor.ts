import type { InboundInterceptor } from '../flows/inbound-interceptor.ts';

// Placeholder while consent is being written (issue 6): STOP / ARRÊT / START handled here.
export const consentKeywordInterceptor: InboundInterceptor = async () => 'pass';

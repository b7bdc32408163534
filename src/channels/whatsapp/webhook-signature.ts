// The signature is Meta's, shared by WhatsApp, Messenger and Instagram: it lives in ../meta/.
export { signMetaPayload, verifyMetaSignature } from '../meta/webhook-signature.ts';

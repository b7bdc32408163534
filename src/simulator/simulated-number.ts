import { z } from 'zod';

/** One business phone number the simulator plays Meta for. */
export const simulatedNumberSchema = z.object({
  phoneNumberId: z.string().regex(/^\d{1,32}$/, 'must be digits, like a Graph object id'),
  displayPhoneNumber: z.string().regex(/^\+?\d{5,15}$/, 'must be a phone number in digits'),
  wabaId: z.string().regex(/^\d{1,32}$/, 'must be digits, like a Graph object id'),
  accessToken: z.string().min(1),
  appSecret: z.string().min(1),
  webhookUrl: z.url({ protocol: /^https?$/ }),
});

export type SimulatedNumber = z.infer<typeof simulatedNumberSchema>;

/** What the control API may show about a number: never its token or app secret. */
export function publicView(number: SimulatedNumber): Omit<SimulatedNumber, 'accessToken' | 'appSecret'> {
  return {
    phoneNumberId: number.phoneNumberId,
    displayPhoneNumber: number.displayPhoneNumber,
    wabaId: number.wabaId,
    webhookUrl: number.webhookUrl,
  };
}

/**
 * The approved WhatsApp template the satisfaction survey uses when the 24-hour window has closed:
 * body parameters {{1}} the patient's first name, {{2}} the clinic's name; the answer is a number 1–5.
 */
export const CSAT_TEMPLATE = 'enquete_satisfaction';

/**
 * French spacing: a no-break space inside « » and before a colon, a narrow one before ; ! ?, so the
 * mark never starts a line on the patient's phone. Only where the text already has a space: "14:30"
 * and "https://" are left alone. Running it twice changes nothing.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/«[ \u00A0\u202F]*/g, `«${NO_BREAK_SPACE}`)
    .replace(/[ \u00A0\u202F]*»/g, `${NO_BREAK_SPACE}»`)
    .replace(/[ \u00A0\u202F]+([;!?])/g, `${NARROW_NO_BREAK_SPACE}$1`)
    .replace(/[ \u00A0\u202F]+:/g, `${NO_BREAK_SPACE}:`);
}

const NO_BREAK_SPACE = '\u00A0';
const NARROW_NO_BREAK_SPACE = '\u202F';

/**
 * Serialises a webhook payload the way Meta does on the wire: every non-ASCII UTF-16 unit becomes a
 * lowercase `\uXXXX` escape (so emoji become surrogate pairs, as Meta documents for signature checks)
 * and `/` becomes `\/` (PHP-style; receivers that re-serialised a body containing "/" saw signature
 * failures, whatsapp-api-js#380). The bytes differ from `JSON.stringify` on purpose: a receiver that
 * verifies the signature over re-serialised JSON must fail here exactly as it would against Meta.
 */
export function stringifyLikeMeta(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/');
}

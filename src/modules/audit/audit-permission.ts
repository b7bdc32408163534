/**
 * Who reads the audit trail: administrators and auditors (a role that sees the audit and no patient
 * data). API keys do not: an integration reading who opened which file would need a rule of its own.
 * Roles are strings at runtime, so this holds whatever roles a clinic's accounts carry.
 */
export function canReadAudit(role: string): boolean {
  return role === 'admin' || role === 'auditor';
}

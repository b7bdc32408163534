/**
 * admin: everything; supervisor: runs the floor (conversations, teams, reports), no settings; agent: front
 * desk, no medical notes; clinician: the agent's work plus medical notes and intake answers; auditor: the
 * audit log only. What each may do is in modules/auth/access-rules.ts.
 */
export const USER_ROLES = ['admin', 'supervisor', 'agent', 'clinician', 'auditor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

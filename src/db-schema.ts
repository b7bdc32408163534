// Every table, for drizzle-kit (drizzle.config.ts) and for tests that inspect rows. Modules own their
// tables; this only gathers them, here at the top so that platform/db knows no module.

export * from './channels/webhook-event.schema.ts';
export * from './modules/alerts/alert.schema.ts';
export * from './modules/audit/audit.schema.ts';
export * from './modules/auth/api-key.schema.ts';
export * from './modules/auth/session.schema.ts';
export * from './modules/auth/sign-in-device.schema.ts';
export * from './modules/auth/sign-in-throttle.schema.ts';
export * from './modules/auth/two-factor.schema.ts';
export * from './modules/canned-replies/canned-reply.schema.ts';
export * from './modules/channel-accounts/channel-account.schema.ts';
export * from './modules/consent/consent.schema.ts';
export * from './modules/contacts/contact.schema.ts';
export * from './modules/exports/export-schedule.schema.ts';
export * from './modules/fhir-sync/fhir-sync.schema.ts';
export * from './modules/flows/flow.schema.ts';
export * from './modules/inbox/conversation.schema.ts';
export * from './modules/inbox/message.schema.ts';
export * from './modules/inbox/reaction.schema.ts';
export * from './modules/keys/data-key.schema.ts';
export * from './modules/media/media.schema.ts';
export * from './modules/orgs/org.schema.ts';
export * from './modules/outbound-webhooks/outbound-webhook.schema.ts';
export * from './modules/outbox/delivery-receipt.schema.ts';
export * from './modules/outbox/idempotency-key.schema.ts';
export * from './modules/patient-groups/patient-group.schema.ts';
export * from './modules/patient-merge/contact-merge.schema.ts';
export * from './modules/privacy/erasure.schema.ts';
export * from './modules/reminders/reminder.schema.ts';
export * from './modules/safety/red-flag-event.schema.ts';
export * from './modules/scheduling/scheduling.schema.ts';
export * from './modules/teams/team.schema.ts';
export * from './modules/templates/template.schema.ts';
export * from './modules/users/user.schema.ts';
export * from './platform/events/event.schema.ts';
export * from './platform/jobs/job.schema.ts';

// Every table, for drizzle-kit and for typed queries. Modules own their tables; this only gathers them.
export * from '../../channels/webhook-event.schema.ts';
export * from '../../modules/alerts/alert.schema.ts';
export * from '../../modules/auth/api-key.schema.ts';
export * from '../../modules/channel-accounts/channel-account.schema.ts';
export * from '../../modules/contacts/contact.schema.ts';
export * from '../../modules/inbox/conversation.schema.ts';
export * from '../../modules/inbox/message.schema.ts';
export * from '../../modules/inbox/reaction.schema.ts';
export * from '../../modules/media/media.schema.ts';
export * from '../../modules/orgs/org.schema.ts';
export * from '../../modules/outbox/delivery-receipt.schema.ts';
export * from '../../modules/templates/template.schema.ts';
export * from '../../modules/users/user.schema.ts';
export * from '../jobs/job.schema.ts';

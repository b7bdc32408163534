-- Channel identities named generically (issue 15): WhatsApp's business-scoped user id (BSUID) is one
-- channel's "scoped id", so the columns say so. Values sealed before keep opening: their seal labels and
-- blind-index domains stay what they were (src/modules/contacts/contact-sealing.ts).
ALTER TABLE "contact_identities" RENAME COLUMN "bsuid_hash" TO "scoped_id_hash";--> statement-breakpoint
ALTER TABLE "contact_identities" RENAME COLUMN "bsuid" TO "scoped_id";--> statement-breakpoint
ALTER TABLE "contact_identities" RENAME COLUMN "parent_bsuid" TO "parent_scoped_id";--> statement-breakpoint
ALTER INDEX "contact_identities_bsuid_hash_unique" RENAME TO "contact_identities_scoped_hash_unique";--> statement-breakpoint
ALTER INDEX "contact_identities_plain_bsuid_idx" RENAME TO "contact_identities_plain_scoped_idx";

-- What a person needs to recognise a session in their list: browser and system families, and the
-- network signed in from (/24 or /48). Sessions opened before show them as unknown.
ALTER TABLE "sessions" ADD COLUMN "browser" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "os" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "ip_prefix" text;

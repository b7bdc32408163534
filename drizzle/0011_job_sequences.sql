ALTER TABLE "jobs" ADD COLUMN "sequence_key" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "sequence_no" bigint;--> statement-breakpoint
CREATE INDEX "jobs_sequence_idx" ON "jobs" USING btree ("sequence_key","sequence_no") WHERE "jobs"."sequence_key" is not null and "jobs"."status" in ('queued', 'running');
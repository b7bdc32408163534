-- Roles: supervisor, clinician and auditor join admin and agent (users.role is plain text: no change).
-- Notes only clinicians, supervisors and admins read: intake summaries, and notes the staff marks medical.
ALTER TABLE "messages" ADD COLUMN "medical" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The built-in flows' intake notes already written are medical: the symptom intake's summaries, the
-- non-urgent question, the answers noted before a red flag (not Careline's own red-flag alert, which the
-- front desk needs to call back and which quotes only the patient's words).
UPDATE "messages" SET "medical" = true
  WHERE "direction" = 'note' AND "sent_by_flow_session_id" IS NOT NULL
    AND ("text" LIKE '%Motif : %' OR "text" LIKE '%Complaint: %'
      OR "text" LIKE '%Question médicale non urgente%' OR "text" LIKE '%Non-urgent medical question%'
      OR "text" LIKE '⚠️ Signal d’alerte : %'
      OR ("text" LIKE '⚠️ Red flag: %' AND "text" NOT LIKE '%Automation stopped and the patient received%'));--> statement-breakpoint
-- Agents and clinicians kept to their teams' conversations, when the clinic chooses it.
ALTER TABLE "orgs" ADD COLUMN "agents_see_only_their_teams" boolean DEFAULT false NOT NULL;

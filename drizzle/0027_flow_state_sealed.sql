-- Flow sessions' state sealed at rest (issue 14): the engine's variables, intake answers and HTTP results
-- are written as one JSON sealed with the patient's key (`cl1.` + AES-256-GCM) in state_sealed; `state`
-- (jsonb) stays null for new writes. Plain states an older Careline wrote stay readable until the
-- in-place sealing (src/seal-existing-data.ts) moves them.
ALTER TABLE "flow_sessions" ADD COLUMN "state_sealed" text;

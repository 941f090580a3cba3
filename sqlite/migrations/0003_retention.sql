-- Retention (docs/audit.md): a prune sets the payload of old records to '' and keeps every
-- other column, payload_hash included, so the chain still verifies. That one change is let
-- through; any other UPDATE still aborts, and so does DELETE (audit_log_no_delete, unchanged).
-- The records of prunes keep their payloads: they account for the others. The verifier, not
-- this trigger, tells a recorded prune from someone blanking a payload.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (NEW.payload = '' AND OLD.action <> 'audit.prune'
	AND NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.actor = OLD.actor AND NEW.action = OLD.action
	AND NEW.subject = OLD.subject AND NEW.payload_hash = OLD.payload_hash
	AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: the only change allowed is a prune setting payload to '''''); END;

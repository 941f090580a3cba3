-- Retention (docs/audit.md): a prune sets the payload of old records to '' and keeps every
-- other column, payload_hash included, so the chain still verifies. UPDATE moves from the
-- statement-level trigger, which refused every one, to a row-level one that lets that one
-- change through; DELETE and TRUNCATE still fail. The records of prunes keep their payloads:
-- they account for the others. The verifier, not this trigger, tells a recorded prune from
-- someone blanking a payload.
DROP TRIGGER audit_log_no_change ON audit_log;
CREATE TRIGGER audit_log_no_change BEFORE DELETE OR TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE FUNCTION audit_log_prune_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.payload = '' AND OLD.action <> 'audit.prune'
		AND (NEW.seq, NEW.at, NEW.actor, NEW.action, NEW.subject, NEW.payload_hash, NEW.prev_hash, NEW.hash)
			IS NOT DISTINCT FROM
			(OLD.seq, OLD.at, OLD.actor, OLD.action, OLD.subject, OLD.payload_hash, OLD.prev_hash, OLD.hash) THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION 'audit_log is append-only: the only change allowed is a prune setting payload to ''''';
END $$;
CREATE TRIGGER audit_log_prune_only BEFORE UPDATE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION audit_log_prune_only();

-- Monitored parties, alerts, decisions and the audit trail. Times are UTC text in
-- corridor.AuditTimeFormat, so that they sort and compare as strings.
CREATE TABLE parties (
	id          INTEGER PRIMARY KEY,
	ref         TEXT NOT NULL UNIQUE,
	data        TEXT NOT NULL,          -- corridor.PartyData as JSON
	data_hash   TEXT NOT NULL,
	blocked_by  INTEGER REFERENCES alerts(id),
	created_at  TEXT NOT NULL,
	created_by  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);

CREATE TABLE alerts (
	id           INTEGER PRIMARY KEY,
	party_id     INTEGER REFERENCES parties(id),
	party_ref    TEXT NOT NULL DEFAULT '',
	party_name   TEXT NOT NULL,
	party_hash   TEXT NOT NULL,
	entity_id    TEXT NOT NULL,
	entity_hash  TEXT NOT NULL,
	list         TEXT NOT NULL,
	list_version TEXT NOT NULL,
	score        REAL NOT NULL,
	explanation  TEXT NOT NULL DEFAULT '',
	state        TEXT NOT NULL CHECK (state IN ('open', 'proposed', 'confirmed')),
	outcome      TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'true_match', 'false_positive')),
	reason       TEXT NOT NULL DEFAULT '',
	proposed_by  TEXT NOT NULL DEFAULT '',
	proposed_at  TEXT NOT NULL DEFAULT '',
	confirmed_by TEXT NOT NULL DEFAULT '',
	confirmed_at TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	created_by   TEXT NOT NULL,
	-- The four-eyes rule once more, where no code path can skip it.
	CHECK (state <> 'confirmed' OR lower(trim(confirmed_by)) <> lower(trim(proposed_by)))
);
CREATE INDEX alerts_state ON alerts (state, id);
CREATE INDEX alerts_party ON alerts (party_id, id);
CREATE INDEX alerts_cleared ON alerts (party_hash, entity_id, entity_hash)
	WHERE state = 'confirmed' AND outcome = 'false_positive';

CREATE TABLE decisions (
	id        INTEGER PRIMARY KEY,
	alert_id  INTEGER NOT NULL REFERENCES alerts(id),
	action    TEXT NOT NULL CHECK (action IN ('propose', 'confirm', 'reject')),
	outcome   TEXT NOT NULL,
	reason    TEXT NOT NULL,
	actor     TEXT NOT NULL,
	at        TEXT NOT NULL,
	audit_seq INTEGER NOT NULL
);
CREATE INDEX decisions_alert ON decisions (alert_id, id);

CREATE TABLE audit_log (
	seq          INTEGER PRIMARY KEY,
	at           TEXT NOT NULL,
	actor        TEXT NOT NULL,
	action       TEXT NOT NULL,
	subject      TEXT NOT NULL,
	payload      TEXT NOT NULL,
	payload_hash TEXT NOT NULL,
	prev_hash    TEXT NOT NULL,
	hash         TEXT NOT NULL
);

-- The last record's seq and hash: every append reads and moves it in its transaction, and
-- verify compares it with the last record, so that deleting records at the end shows.
CREATE TABLE audit_head (
	id   INTEGER PRIMARY KEY CHECK (id = 1),
	seq  INTEGER NOT NULL,
	hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only: corridor never updates or deletes a record. The chain detects a change made
-- anyway (by someone who drops these triggers); the triggers stop an accident.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The roles of the people who use corridor's command line against this store (docs/cases.md).
-- A person without a row has no role. Changes append a role.change audit record.
CREATE TABLE users (
	name       TEXT PRIMARY KEY,
	role       TEXT NOT NULL CHECK (role IN ('screen', 'analyst', 'approver', 'admin')),
	granted_by TEXT NOT NULL,
	granted_at TIMESTAMPTZ NOT NULL
);

-- Bayyina schema, version 4: the tamper-evident audit trail. Every write appends an event whose hash covers the event
-- and the hash of the one before it, so a changed, inserted or removed event breaks the chain `verify` walks.
-- Never edit once merged: add a new numbered file instead.

CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL CHECK (length(actor) > 0),
    action TEXT NOT NULL CHECK (length(action) > 0),
    entity TEXT NOT NULL CHECK (length(entity) > 0),
    before_digest TEXT CHECK (before_digest IS NULL OR length(before_digest) = 64),
    after_digest TEXT CHECK (after_digest IS NULL OR length(after_digest) = 64),
    previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
    hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;

CREATE INDEX audit_events_by_entity ON audit_events(entity, id);

CREATE TRIGGER audit_events_are_kept BEFORE UPDATE ON audit_events BEGIN
    SELECT RAISE(ABORT, 'the audit trail is never changed');
END;

CREATE TRIGGER audit_events_are_never_deleted BEFORE DELETE ON audit_events BEGIN
    SELECT RAISE(ABORT, 'the audit trail is never deleted');
END;

-- Link suggestions with their review, and near-duplicate fingerprints that group versions of one piece of evidence.

-- One proposal per document and target ('C2' or 'C2.M3'). Once accepted or rejected it is never proposed again:
-- refreshing only updates open rows.
CREATE TABLE link_suggestions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    target TEXT NOT NULL CHECK (target GLOB 'C[1-9]*' AND (target NOT GLOB '*.*' OR target GLOB 'C[1-9]*.M[1-9]*')),
    confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    reason_en TEXT NOT NULL,
    reason_ar TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected')),
    proposed_at TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT,
    CHECK ((state = 'open') = (decided_at IS NULL)),
    UNIQUE (document_id, target)
) STRICT;

CREATE INDEX link_suggestions_by_state ON link_suggestions(state, confidence);

-- Documents whose text the link step has not read since it was stored or re-extracted; it empties the queue as it
-- commits its results, so a step that fails or is killed leaves its documents queued.
CREATE TABLE link_step_queue (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
) STRICT;

CREATE TRIGGER link_step_queue_insert AFTER INSERT ON documents BEGIN
    INSERT OR IGNORE INTO link_step_queue(document_id) VALUES (new.id);
END;

CREATE TRIGGER link_step_queue_update AFTER UPDATE OF body ON documents BEGIN
    INSERT OR IGNORE INTO link_step_queue(document_id) VALUES (new.id);
END;

INSERT INTO link_step_queue(document_id) SELECT id FROM documents;

-- The MinHash signature of each document's text (NULL when the text is too short to compare) and the version group
-- it belongs to: the smallest document id of the group.
CREATE TABLE document_fingerprints (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature BLOB CHECK (signature IS NULL OR length(signature) = 256),
    shingles INTEGER NOT NULL CHECK (shingles >= 0),
    version_group INTEGER NOT NULL
) STRICT;

CREATE INDEX document_fingerprints_by_group ON document_fingerprints(version_group);

-- Locality-sensitive hashing: documents sharing a bucket in any band are compared.
CREATE TABLE fingerprint_bands (
    band INTEGER NOT NULL CHECK (band >= 0),
    bucket INTEGER NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, document_id)
) STRICT, WITHOUT ROWID;

-- How many documents hold each index term: the idf weights of title words for suggestions.
CREATE VIRTUAL TABLE documents_fts_terms USING fts5vocab(documents_fts, 'row');

-- Bayyina schema, version 1. Never edit once merged: add a new numbered file instead.

CREATE TABLE plans (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    country TEXT,
    title_ar TEXT,
    title_en TEXT,
    period_start TEXT,
    period_end TEXT,
    status_as_of TEXT,
    ogp_values TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(ogp_values)),
    imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE commitments (
    id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB 'C[1-9]*'),
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE RESTRICT,
    number INTEGER NOT NULL CHECK (number > 0),
    ogp_id TEXT,
    title_ar TEXT,
    title_en TEXT,
    short_title TEXT,
    lead_agency_ar TEXT,
    lead_agency_en TEXT,
    supporting_agencies TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(supporting_agencies)),
    ogp_values TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(ogp_values)),
    CHECK (title_ar IS NOT NULL OR title_en IS NOT NULL)
) STRICT;

CREATE TABLE milestones (
    id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB 'C[1-9]*.M[1-9]*'),
    commitment_id TEXT NOT NULL REFERENCES commitments(id) ON DELETE RESTRICT,
    number INTEGER NOT NULL CHECK (number > 0),
    title_ar TEXT,
    title_en TEXT,
    status TEXT CHECK (status IN ('not_started', 'in_progress', 'completed')),
    start_date TEXT,
    end_date TEXT
) STRICT;

CREATE INDEX milestones_by_commitment ON milestones(commitment_id);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    title TEXT NOT NULL,
    title_source TEXT NOT NULL CHECK (title_source IN ('metadata', 'first_heading', 'html_title', 'email_subject', 'filename')),
    author TEXT,
    created TEXT,
    year INTEGER GENERATED ALWAYS AS (CAST(substr(created, 1, 4) AS INTEGER)) VIRTUAL,
    language TEXT CHECK (language IN ('ar', 'en', 'mixed')),
    pages INTEGER CHECK (pages >= 0),
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    classification TEXT NOT NULL CHECK (classification IN ('public', 'restricted')),
    legal_basis TEXT,
    warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
    attachments TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attachments)),
    properties TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(properties)),
    extractor TEXT NOT NULL,
    extractor_version INTEGER NOT NULL CHECK (extractor_version > 0),
    ingested_at TEXT NOT NULL,
    -- The text and other readings come last: filters on the columns above never read past them.
    body TEXT NOT NULL DEFAULT '',
    -- Other readings of words in a damaged text layer (a repaired PDF's lam-alef), searchable but never shown.
    alternates TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX documents_by_classification ON documents(classification);

-- Where each page's text came from and where it lies in documents.body (UTF-8 byte offsets).
CREATE TABLE document_pages (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page INTEGER NOT NULL CHECK (page > 0),
    source TEXT NOT NULL CHECK (source IN ('text_layer', 'ocr', 'ocr_pending')),
    characters INTEGER NOT NULL CHECK (characters >= 0),
    confidence REAL CHECK (confidence BETWEEN 0 AND 100),
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),
    extractor_version INTEGER NOT NULL CHECK (extractor_version > 0),
    PRIMARY KEY (document_id, page)
) STRICT;

CREATE INDEX document_pages_pending ON document_pages(source) WHERE source = 'ocr_pending';

-- Every name a document arrived under, with the folder it came from (relative to the ingested folder).
CREATE TABLE document_names (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) > 0 AND length(CAST(name AS BLOB)) <= 255),
    folder TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    PRIMARY KEY (document_id, name, folder)
) STRICT;

CREATE TABLE document_commitments (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    commitment_id TEXT NOT NULL REFERENCES commitments(id) ON DELETE RESTRICT,
    PRIMARY KEY (document_id, commitment_id)
) STRICT;

CREATE INDEX document_commitments_by_commitment ON document_commitments(commitment_id);

CREATE TABLE document_milestones (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    milestone_id TEXT NOT NULL REFERENCES milestones(id) ON DELETE RESTRICT,
    PRIMARY KEY (document_id, milestone_id)
) STRICT;

CREATE INDEX document_milestones_by_milestone ON document_milestones(milestone_id);

-- Staff API tokens: only the SHA-256 of each secret is kept; revoked tokens stay for the record.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) > 0),
    role TEXT NOT NULL CHECK (role IN ('uploader', 'reviewer', 'admin')),
    agency TEXT,
    secret_hash TEXT NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
    created_at TEXT NOT NULL,
    revoked_at TEXT
) STRICT;

-- Web sessions of signed-in staff: the SHA-256 of the cookie, the token it was opened with, its CSRF secret.
CREATE TABLE staff_sessions (
    session_hash TEXT PRIMARY KEY NOT NULL CHECK (length(session_hash) = 64),
    token_id INTEGER NOT NULL REFERENCES api_tokens(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL CHECK (length(csrf_token) >= 32),
    expires_at TEXT NOT NULL
) STRICT;

-- Settings of the index itself, such as the tokenizer version the FTS table was built with.
CREATE TABLE index_settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Full-text index over title and body, kept in sync with documents by the triggers below.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, alternates,
    content = 'documents', content_rowid = 'id',
    tokenize = 'bayyina_arabic'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, body, alternates) VALUES (new.id, new.title, new.body, new.alternates);
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, body, alternates)
    VALUES ('delete', old.id, old.title, old.body, old.alternates);
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body, alternates ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, body, alternates)
    VALUES ('delete', old.id, old.title, old.body, old.alternates);
    INSERT INTO documents_fts(rowid, title, body, alternates) VALUES (new.id, new.title, new.body, new.alternates);
END;

INSERT INTO documents_fts(documents_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 0.5)');

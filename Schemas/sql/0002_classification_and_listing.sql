-- Bayyina schema, version 2: classification records with their history, stable listing references and the
-- catalogue fields of the access-to-information listing. Never edit once merged: add a new numbered file instead.

-- The classification scheme: levels in order of sensitivity; only a publishable level may be released whole.
CREATE TABLE classification_levels (
    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) > 0 AND code NOT GLOB '*[^a-z_]*'),
    name_ar TEXT NOT NULL CHECK (length(name_ar) > 0),
    name_en TEXT NOT NULL CHECK (length(name_en) > 0),
    rank INTEGER NOT NULL UNIQUE CHECK (rank >= 0),
    publishable INTEGER NOT NULL CHECK (publishable IN (0, 1))
) STRICT;

INSERT INTO classification_levels(code, name_ar, name_en, rank, publishable) VALUES
    ('public', 'عام', 'Public', 0, 1),
    ('restricted', 'محدود', 'Restricted', 1, 0),
    ('secret', 'سري', 'Secret', 2, 0),
    ('top_secret', 'سري للغاية', 'Top secret', 3, 0);

-- Every classification decision ever taken, newest last; the newest decision of a document is its record.
-- Keyed by hash, not row, so the history outlives the document; rows are never updated or deleted.
CREATE TABLE classification_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    level TEXT NOT NULL REFERENCES classification_levels(code) ON UPDATE RESTRICT ON DELETE RESTRICT,
    access TEXT NOT NULL CHECK (access IN ('public', 'partial', 'withheld')),
    withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    legal_basis TEXT,
    decided_by TEXT NOT NULL CHECK (length(decided_by) > 0),
    decided_at TEXT NOT NULL,
    review_date TEXT CHECK (review_date IS NULL OR review_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    note TEXT
) STRICT;

CREATE INDEX classification_decisions_by_document ON classification_decisions(sha256, id);

CREATE TRIGGER classification_decisions_are_kept BEFORE UPDATE ON classification_decisions BEGIN
    SELECT RAISE(ABORT, 'classification decisions are never changed: record a new decision');
END;

CREATE TRIGGER classification_decisions_are_never_deleted BEFORE DELETE ON classification_decisions BEGIN
    SELECT RAISE(ABORT, 'classification decisions are never deleted: record a new decision');
END;

-- A decision sets what every public path checks: public while released in whole or in part and not withdrawn.
CREATE TRIGGER classification_decision_applies AFTER INSERT ON classification_decisions BEGIN
    UPDATE documents
    SET classification = CASE WHEN new.access <> 'withheld' AND new.withdrawn = 0 THEN 'public' ELSE 'restricted' END,
        legal_basis = new.legal_basis
    WHERE sha256 = new.sha256;
END;

INSERT INTO classification_decisions(sha256, level, access, legal_basis, decided_by, decided_at)
SELECT sha256, classification, CASE classification WHEN 'public' THEN 'public' ELSE 'withheld' END, legal_basis,
       'schema-migration', ingested_at
FROM documents ORDER BY id;

-- The listing reference of every document ever recorded: numbered once, never reused, kept after deletion.
CREATE TABLE listing_references (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    recorded_at TEXT NOT NULL
) STRICT;

INSERT INTO listing_references(sha256, recorded_at) SELECT sha256, ingested_at FROM documents ORDER BY id;

CREATE TRIGGER listing_reference_on_record AFTER INSERT ON documents BEGIN
    INSERT OR IGNORE INTO listing_references(sha256, recorded_at) VALUES (new.sha256, new.ingested_at);
END;

-- What staff say of a document beyond what extraction found: bilingual titles and descriptions, its type, the
-- responsible agency and its date. NULL means "derive it" (from the text, the links and the plan).
CREATE TABLE document_descriptions (
    document_id INTEGER PRIMARY KEY NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    title_ar TEXT,
    title_en TEXT,
    description_ar TEXT,
    description_en TEXT,
    document_type TEXT CHECK (document_type IN ('minutes', 'workshop_report', 'attendance_sheet', 'presentation',
        'policy', 'press_release', 'report', 'correspondence', 'dataset', 'photo', 'other')),
    agency TEXT,
    document_date TEXT CHECK (document_date IS NULL OR document_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

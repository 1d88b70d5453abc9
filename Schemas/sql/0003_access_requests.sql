-- Bayyina schema, version 3: access-to-information requests, the deadline rules and holiday calendar they are timed by,
-- their decisions, reviews and history. Never edit once merged: add a new numbered file instead.

-- Deadline rules, versioned by the day they take effect; a request keeps the rules in force on the day it was received.
CREATE TABLE deadline_rules (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    effective_from TEXT NOT NULL UNIQUE CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    answer_working_days INTEGER NOT NULL CHECK (answer_working_days > 0),
    extension_max_working_days INTEGER NOT NULL CHECK (extension_max_working_days >= 0),
    extensions_allowed INTEGER NOT NULL CHECK (extensions_allowed >= 0),
    silence_is_refusal INTEGER NOT NULL CHECK (silence_is_refusal IN (0, 1)),
    -- Days of the week that are working days, 1 = Sunday … 7 = Saturday.
    working_weekdays TEXT NOT NULL CHECK (json_valid(working_weekdays)),
    source TEXT NOT NULL
) STRICT;

INSERT INTO deadline_rules VALUES
    ('jo-ati-2024', '2024-01-01', 15, 10, 1, 1, '[1,2,3,4,5]',
     'Access to Information Law (Jordan), as amended by Law No. 3 of 2024: answer within 15 working days from the day after submission; one extension of up to 10 days with a recorded reason; silence past the deadline is refusal.');

-- Days off besides the weekend, entered per year (lunar holidays move).
CREATE TABLE holidays (
    day TEXT PRIMARY KEY NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL
) STRICT;

-- The register of requests. The applicant's identity and contact are personal data: internal only.
CREATE TABLE access_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL UNIQUE,
    received TEXT NOT NULL CHECK (received GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    channel TEXT NOT NULL CHECK (channel IN ('written', 'electronic', 'in_person')),
    applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('natural', 'legal')),
    applicant_name TEXT NOT NULL CHECK (length(applicant_name) > 0),
    applicant_nationality TEXT,
    applicant_residence TEXT,
    applicant_contact TEXT,
    subject TEXT NOT NULL CHECK (length(subject) > 0),
    preferred_format TEXT,
    officer TEXT,
    acknowledged TEXT,
    rules_id TEXT NOT NULL REFERENCES deadline_rules(id) ON DELETE RESTRICT,
    due TEXT NOT NULL,
    extended_due TEXT,
    extension_reason TEXT,
    decision TEXT CHECK (decision IN ('granted', 'partly_granted', 'refused', 'not_held', 'transferred')),
    decided TEXT,
    legal_ground TEXT,
    reasons TEXT,
    transferred_to TEXT,
    fee_fils INTEGER CHECK (fee_fils >= 0),
    CHECK (decision IS NULL OR decided IS NOT NULL),
    CHECK (decision IS NOT 'refused' OR legal_ground IS NOT NULL),
    CHECK (decision IS NOT 'transferred' OR transferred_to IS NOT NULL)
) STRICT;

CREATE INDEX access_requests_by_due ON access_requests(coalesce(extended_due, due)) WHERE decision IS NULL;

-- Documents released in answer to a request; they must be in the repository.
CREATE TABLE access_request_documents (
    request_id INTEGER NOT NULL REFERENCES access_requests(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE RESTRICT,
    PRIMARY KEY (request_id, document_id)
) STRICT;

-- A complaint to the Information Council or an appeal to court, with its dates and outcome.
CREATE TABLE access_request_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id INTEGER NOT NULL REFERENCES access_requests(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('complaint', 'appeal')),
    filed TEXT NOT NULL CHECK (filed GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    decided TEXT CHECK (decided IS NULL OR decided >= filed),
    outcome TEXT CHECK (outcome IN ('upheld', 'partly_upheld', 'dismissed', 'withdrawn')),
    notes TEXT,
    CHECK ((decided IS NULL) = (outcome IS NULL))
) STRICT;

-- Every change of a request, with who and when; never changed or deleted.
CREATE TABLE access_request_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id INTEGER NOT NULL REFERENCES access_requests(id) ON DELETE RESTRICT,
    kind TEXT NOT NULL CHECK (kind IN ('filed', 'acknowledged', 'assigned', 'extended', 'decided', 'complaint', 'appeal', 'review_decided')),
    details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
    actor TEXT NOT NULL CHECK (length(actor) > 0),
    at TEXT NOT NULL
) STRICT;

CREATE INDEX access_request_events_by_request ON access_request_events(request_id, id);

CREATE TRIGGER access_request_events_are_kept BEFORE UPDATE ON access_request_events BEGIN
    SELECT RAISE(ABORT, 'request history is never changed: record a new event');
END;

CREATE TRIGGER access_request_events_are_never_deleted BEFORE DELETE ON access_request_events BEGIN
    SELECT RAISE(ABORT, 'request history is never deleted');
END;

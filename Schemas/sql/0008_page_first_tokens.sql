-- Where each page begins in the full-text index: the position of its first word in documents.body, counted as the
-- index counts them. Search finds the pages a query matches on from the match positions FTS5 already holds, instead
-- of marking every match in the whole text of each paged result (20 PDFs of 300 pages: half a second a search).
-- NULL until counted: pages stored before this migration are counted when the database is next opened.
ALTER TABLE document_pages ADD COLUMN first_token INTEGER CHECK (first_token >= 0);
CREATE INDEX document_pages_uncounted ON document_pages(document_id) WHERE first_token IS NULL;

-- Prefix indexes of three and four characters: a prefix query (word*) read the doclist of every indexed word it
-- begins, and a short one (الم*) begins thousands (half a second at 10,000 documents, p99 of all queries 65 ms).
-- A marked light form or stem is one character longer than the plain prefix, hence both lengths. The table is
-- made again with the option and rebuilt from the documents; its triggers and fts5vocab table refer to it by name.
DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, alternates,
    content = 'documents', content_rowid = 'id',
    tokenize = 'bayyina_arabic', prefix = '3 4'
);
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
INSERT INTO documents_fts(documents_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 0.5)');

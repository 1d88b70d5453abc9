-- New documents join the full-text index once per ingest batch, in one statement after their rows are written
-- (DocumentRepository.apply), instead of through a trigger per row. Inside a transaction, every later statement
-- that opens a statement journal makes FTS5 write its pending terms out as a new segment, so the trigger cost one
-- segment per document and the merging of all of them: 24% of ingest time and most of the bytes written.
-- Updates and deletions keep their triggers.
DROP TRIGGER documents_fts_insert;

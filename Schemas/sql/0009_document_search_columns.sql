-- The short columns search reads for every matching document (the audience, the filter and facet values, the date
-- that orders newest first), in an index that holds them a hundred to a page: a documents row keeps its text beside
-- them, so reading them from the table touched a page per document (at 100,000 documents a query matches 16,500).
CREATE INDEX documents_search_columns ON documents(id, classification, media_type, language, year, created, ingested_at);

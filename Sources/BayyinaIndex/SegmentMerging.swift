public import BayyinaCore
import GRDB

/// How FTS5 merges the segments that commits add to the full-text index (its `automerge` setting, stored in the
/// index and shared by every connection).
///
/// Each commit of new text writes a segment, and FTS5 then merges segments of one level into the next as it writes
/// more: for every page written it merges up to one page per level, as soon as a level holds `automerge` segments.
/// With FTS5's default of four, the terms of a large ingest were rewritten at every level of the growing index,
/// and merging took a quarter of the single writer's time, although the ingest merges the whole index when it ends.
public enum SegmentMerging: Sendable {
    /// Four segments of a level at a time (FTS5's default): uploads and small ingests keep the index in few
    /// segments, which searches read fastest.
    case incremental
    /// Sixteen at a time, the most FTS5 allows: for an ingest that merges the whole index when it ends.
    case deferred

    /// FTS5's `automerge` for this way of merging.
    var segmentsPerMerge: Int {
        switch self {
        case .incremental: 4
        case .deferred: 16
        }
    }

    /// The way the index merges now: deferred when it stores sixteen segments a merge, incremental otherwise.
    static func current(_ db: Database) throws -> SegmentMerging {
        try storedSegmentsPerMerge(db) == deferred.segmentsPerMerge ? .deferred : .incremental
    }

    /// FTS5's `automerge` as the index stores it; nil when it stores none (FTS5 then merges four at a time).
    private static func storedSegmentsPerMerge(_ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT v FROM documents_fts_config WHERE k = 'automerge'")
    }

    /// Stores the setting in the index, unless it is stored already (writing it makes every connection read the
    /// index's settings again).
    func use(_ db: Database) throws {
        guard try Self.storedSegmentsPerMerge(db) ?? Self.incremental.segmentsPerMerge != segmentsPerMerge else { return }
        try db.execute(sql: "INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', ?)", arguments: [segmentsPerMerge])
    }
}

extension IndexDatabase {
    /// Makes later commits merge the full-text index's segments this way, until a batch is applied with another.
    public func useSegmentMerging(_ merging: SegmentMerging) throws(BayyinaError) {
        try write { db in try merging.use(db) }
    }

    /// How later commits merge the full-text index's segments.
    public func segmentMerging() throws(BayyinaError) -> SegmentMerging {
        try read(SegmentMerging.current)
    }
}

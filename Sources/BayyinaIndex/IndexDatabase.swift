public import BayyinaCore
import Foundation
import BayyinaSchemas
import GRDB

/// The SQLite database of a store (WAL mode): schema migrated from `Schemas/sql` on open, the Arabic
/// tokenizer registered on every connection, and the full-text index rebuilt (and where pages begin in it counted
/// again) when the tokenizer changed.
public final class IndexDatabase: Sendable {
    let pool: DatabasePool

    /// Opens (creating and migrating) the database at `path`. With `mapsReads`, readers map the file instead of
    /// copying each page they read (a quarter less time per search at 10,000 documents): for a server answering
    /// searches, not for ingest, whose resident size would count every mapped page.
    public init(path: String, mapsReads: Bool = false) throws(BayyinaError) {
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration(mapsReads: mapsReads))
            try Self.migrator().migrate(pool)
            try pool.write { db in
                try Self.rebuildIndexIfTokenizerChanged(db)
                try PageTokens.countMissing(db)
            }
        } catch let error as BayyinaError {
            throw error
        } catch {
            throw BayyinaError(.databaseFailure, "The database at \(path) cannot be opened: \(error). Run `bayyina verify` or restore a backup.", underlying: error)
        }
    }

    /// The numbered SQL files of `Schemas/sql`, applied in order, each once.
    static func migrator() throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in try SchemaFiles.migrations() {
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }

    private static func rebuildIndexIfTokenizerChanged(_ db: Database) throws {
        let stored = try String.fetchOne(db, sql: "SELECT value FROM index_settings WHERE key = 'tokenizer_version'")
        let current = String(ArabicTokenizer.version)
        guard stored != current else { return }
        if stored != nil {
            try db.execute(sql: "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
            try db.execute(sql: "UPDATE document_pages SET first_token = NULL")
        }
        try db.execute(
            sql: "INSERT INTO index_settings(key, value) VALUES ('tokenizer_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [current])
    }

    /// Runs `PRAGMA integrity_check` and the FTS5 integrity check; returns the problems found.
    public func integrityProblems() throws(BayyinaError) -> [String] {
        try write { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            problems += try String.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
            problems += try auditChainProblems(db)
            problems += try String.fetchAll(db, sql: """
                SELECT sha256 FROM documents d WHERE NOT EXISTS (SELECT 1 FROM classification_decisions c WHERE c.sha256 = d.sha256)
                """).map { "document \($0) has no classification record" }
            problems += try String.fetchAll(db, sql: """
                SELECT reference FROM access_requests r
                WHERE NOT EXISTS (SELECT 1 FROM access_request_events e WHERE e.request_id = r.id AND e.kind = 'filed')
                   OR (r.decision IS NOT NULL AND NOT EXISTS (SELECT 1 FROM access_request_events e WHERE e.request_id = r.id AND e.kind = 'decided'))
                """).map { "request \($0): its history does not record how it was filed or decided" }
            do {
                try db.execute(sql: "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
            } catch {
                problems.append("full-text index: \(error)")
            }
            return problems
        }
    }

    /// Copies the database to a new file with SQLite's online backup: a consistent snapshot while writers go on.
    public func backup(toPath path: String) throws(BayyinaError) {
        do {
            let destination = try DatabaseQueue(path: path, configuration: Self.configuration())
            try pool.backup(to: destination)
            try destination.close()
        } catch {
            throw BayyinaError(.storageFailure, "The database could not be backed up to \(path): \(error)",
                               arabic: "تعذّر نسخ قاعدة البيانات احتياطياً إلى \(path).", underlying: error)
        }
    }

    static func configuration(mapsReads: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            db.add(tokenizer: ArabicTokenizer.self)
            try PassageSnippet.register(in: db)
            try MatchPositions.register(in: db)
            try RelevanceRank.register(in: db)
            try FacetCounts.register(in: db)
            try DocumentSets.register(in: db)
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Statement journals in memory, and room for a whole ingest batch's pages on the writer: spilling them
            // to the WAL mid-transaction wrote many pages several times over.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -32768")
            } else if mapsReads {
                try db.execute(sql: "PRAGMA mmap_size = 4294967296")
            }
        }
        return configuration
    }

    /// Merges the full-text index into one segment, a few megabytes a transaction, so that searches read one list
    /// of matches a word instead of one a segment, and readers and writers never wait on more than one step.
    /// Returns how many steps wrote anything.
    @discardableResult
    public func mergeFullTextSegments() throws(BayyinaError) -> Int {
        var steps = 0
        // FTS5's 'merge' with a negative page count merges every level; a step that changes fewer than two rows
        // found nothing left to merge. The bound only guards against a merge that never settles.
        while steps < 100_000, try write({ db in
            let before = db.totalChangesCount
            try db.execute(sql: "INSERT INTO documents_fts(documents_fts, rank) VALUES ('merge', -\(Self.mergeStepPages))")
            return db.totalChangesCount - before >= 2
        }) {
            steps += 1
        }
        return steps
    }

    /// Pages of the full-text index a merge step writes (4 KB each).
    static let mergeStepPages = 2_000

    /// Rebuilds the full-text index from the documents table.
    public func rebuildFullTextIndex() throws(BayyinaError) {
        try write { db in try db.execute(sql: "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')") }
    }

    func read<T>(_ body: (Database) throws -> T) throws(BayyinaError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.wrap(error)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(BayyinaError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw Self.wrap(error)
        }
    }

    static func wrap(_ error: any Error) -> BayyinaError {
        if let error = error as? BayyinaError { return error }
        return BayyinaError(.databaseFailure, "The database refused the change: \(error)", underlying: error)
    }
}

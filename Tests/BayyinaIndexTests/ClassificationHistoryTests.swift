import BayyinaCore
@testable import BayyinaIndex
import BayyinaSchemas
import BayyinaTestSupport
import Foundation
import GRDB
import Testing

@Suite struct ClassificationHistoryTests {
    @Test func theDatabaseRefusesToRewriteOrDeleteHistory() throws {
        let index = try TestIndex()
        let hash = try index.add("محضر", "نص المحضر", classification: .restricted)
        let queue = try DatabaseQueue(path: index.path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE classification_decisions SET access = 'public'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM classification_decisions") } }
        #expect(try index.database.classificationHistory(hash).map(\.access) == [.withheld])
        #expect(try index.database.metadata(hash)?.classification == .restricted)
    }

    @Test func aStoreFromBeforeTheRegisterGetsReferencesAndDecisionsInRecordOrder() throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("bayyina.sqlite").path
        var configuration = Configuration()
        configuration.prepareDatabase { $0.add(tokenizer: ArabicTokenizer.self) }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let first = try #require(try SchemaFiles.migrations().first)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: first.sql)
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES (?)", arguments: [first.name])
            for (number, classification) in [(1, "public"), (2, "restricted")] {
                try db.execute(sql: """
                    INSERT INTO documents(sha256, title, title_source, media_type, size, classification, legal_basis, extractor,
                        extractor_version, ingested_at) VALUES (?, 'وثيقة', 'metadata', 'text/plain', 1, ?, ?, 'text', 1, ?)
                    """, arguments: [String(repeating: String(number), count: 64), classification,
                                     classification == "public" ? nil : "ATI Law art. 13(e)", "2024-0\(number)-01T00:00:00Z"])
            }
        }
        try queue.close()
        let index = try IndexDatabase(path: path)
        let records = try index.listingRecords(for: .internal)
        #expect(records.map(\.reference) == [1, 2])
        #expect(records.map(\.classification.access) == [.public, .withheld])
        #expect(records[1].classification.legalBasis == "ATI Law art. 13(e)")
        #expect(try index.listingRecords(for: .public).count == 1)
    }
}

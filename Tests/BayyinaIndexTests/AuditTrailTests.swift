import BayyinaCore
import BayyinaIndex
import BayyinaTestSupport
import Foundation
import GRDB
import Testing

/// Every write leaves a chained event; changing, removing or inserting one is found by `verify`.
@Suite struct AuditTrailTests {
    /// An index with a few writes of different kinds, and raw access to its file the way an intruder would have.
    static func trail() throws -> (TestIndex, DatabaseQueue, ContentHash) {
        let index = try TestIndex()
        let hash = try AuditContext.$actor.withValue("staff:reviewer") {
            let hash = try index.add("محضر", "نص المحضر")
            try index.database.link(hash, commitments: [], milestones: [MilestoneID("C2.M1")!])
            try index.database.classify(hash, ClassificationDecision(level: "restricted", access: .withheld, legalBasis: "art. 13(e)",
                                                                     decidedBy: "reviewer", decidedAt: "2025-06-30T09:00:00Z"))
            _ = try index.database.createToken(name: "api", role: .uploader, agency: nil, secretHash: String(repeating: "a", count: 64))
            return hash
        }
        return (index, try DatabaseQueue(path: index.path), hash)
    }

    @Test func everyWriteAppendsAChainedEventWithItsActor() throws {
        let (index, _, hash) = try Self.trail()
        let events = try index.database.auditEvents()
        #expect(events.map(\.action) == ["plan-import", "ingest", "link", "classify", "token-create"])
        #expect(events.dropFirst().allSatisfy { $0.actor == "staff:reviewer" || $0.actor == "reviewer" })
        #expect(zip(events, events.dropFirst()).allSatisfy { $1.previousHash == $0.hash })
        let link = try #require(events.first { $0.action == "link" })
        #expect(link.before != link.after && link.before != nil)
        #expect(try index.database.auditEvents(entity: "document:\(hash.hex)").map(\.action) == ["ingest", "link", "classify"])
        #expect(try index.database.integrityProblems().isEmpty)
    }

    @Test func theDatabaseRefusesToChangeTheTrail() throws {
        let (_, queue, _) = try Self.trail()
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE audit_events SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM audit_events WHERE id = 2") } }
    }

    @Test func aChangedEventIsFoundEvenWhenTheTriggersAreDropped() throws {
        let (index, queue, _) = try Self.trail()
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_events_are_kept")
            try db.execute(sql: "UPDATE audit_events SET actor = 'someone else' WHERE id = 3")
        }
        #expect(try index.database.integrityProblems() == ["audit trail: event 3 was changed after it was written"])
    }

    @Test func aRemovedEventIsFoundInTheMiddleAndAtTheEnd() throws {
        let (index, queue, _) = try Self.trail()
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_events_are_never_deleted")
            try db.execute(sql: "DELETE FROM audit_events WHERE id = 3")
        }
        #expect(try index.database.integrityProblems() == ["audit trail: events 3…3 are missing", "audit trail: event 4 does not follow the event before it"])
        try queue.write { db in try db.execute(sql: "DELETE FROM audit_events WHERE id = 5") }
        #expect(try index.database.integrityProblems().contains("audit trail: the last 1 event(s) are missing"))
    }
}

public import BayyinaCore
import BayyinaDigest
import Foundation
import GRDB

/// Who is writing, for the audit trail: set around a staff request by the server; otherwise the local user running
/// the command (`cli:<user>`).
public enum AuditContext {
    @TaskLocal public static var actor = ProcessInfo.processInfo.environment["USER"].map { "cli:\($0)" } ?? "cli"
}

/// One event of the audit trail: who did what to which entity, the digests of its state before and after, and the
/// hash that chains it to the event before.
public struct AuditEvent: Hashable, Sendable, Codable {
    public var id: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var entity: String
    public var before: String?
    public var after: String?
    public var previousHash: String
    public var hash: String

    /// The hash the event must have: SHA-256 over its fields, one per line, ending with the previous hash.
    static func expectedHash(id: Int64, at: String, actor: String, action: String, entity: String, before: String?, after: String?,
                             previous: String) -> String {
        let canonical = [String(id), at, actor, action, entity, before ?? "", after ?? "", previous].joined(separator: "\n")
        return SHA256Hasher.hash(Array(canonical.utf8)).hex
    }
}

/// The hash before the first event.
let auditGenesis = String(repeating: "0", count: 64)

extension IndexDatabase {
    /// Appends an event in the transaction of the write it records.
    static func audit(
        _ action: String, _ entity: String, before: String? = nil, after: String? = nil, actor: String = AuditContext.actor, db: Database
    ) throws {
        let previous = try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1")) ?? auditGenesis
        let id = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_events'")) ?? 0) + 1
        let at = Timestamp.now()
        let hash = AuditEvent.expectedHash(id: id, at: at, actor: actor, action: action, entity: entity, before: before, after: after,
                                           previous: previous)
        try db.cachedStatement(sql: """
            INSERT INTO audit_events(id, at, actor, action, entity, before_digest, after_digest, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, at, actor, action, entity, before, after, previous, hash])
    }

    /// The SHA-256 of a value's JSON (sorted keys): the digest of an entity's state.
    static func digest(_ value: some Encodable) throws -> String {
        SHA256Hasher.hash(Array(try JSONText.encode(value).utf8)).hex
    }

    /// The audit trail, oldest first; only the events of one entity (`document:<sha256>`, `request:ATI-…`) when given.
    public func auditEvents(entity: String? = nil) throws(BayyinaError) -> [AuditEvent] {
        try read { db in
            let filter = entity == nil ? "" : "WHERE entity = ?"
            return try Row.fetchAll(db, sql: "SELECT * FROM audit_events \(filter) ORDER BY id",
                                    arguments: entity.map { [$0] } ?? []).map(Self.auditEvent)
        }
    }

    /// What is wrong with the audit trail's chain (empty when it holds).
    public func auditTrailProblems() throws(BayyinaError) -> [String] {
        try read { db in try auditChainProblems(db) }
    }

    /// What is wrong with the chain: an event whose hash does not match its fields, or that does not follow the one
    /// before it (an event changed, inserted or removed).
    func auditChainProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        var previous = auditGenesis
        var expectedID: Int64 = 1
        for row in try Row.fetchAll(db, sql: "SELECT * FROM audit_events ORDER BY id") {
            let event = Self.auditEvent(row)
            if event.id != expectedID { problems.append("audit trail: events \(expectedID)…\(event.id - 1) are missing") }
            if event.previousHash != previous { problems.append("audit trail: event \(event.id) does not follow the event before it") }
            let expected = AuditEvent.expectedHash(id: event.id, at: event.at, actor: event.actor, action: event.action,
                                                   entity: event.entity, before: event.before, after: event.after, previous: event.previousHash)
            if event.hash != expected { problems.append("audit trail: event \(event.id) was changed after it was written") }
            previous = event.hash
            expectedID = event.id + 1
        }
        if let last = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_events'"), last >= expectedID {
            problems.append("audit trail: the last \(last - expectedID + 1) event(s) are missing")
        }
        return problems
    }

    private static func auditEvent(_ row: Row) -> AuditEvent {
        AuditEvent(id: row["id"], at: row["at"], actor: row["actor"], action: row["action"], entity: row["entity"],
                   before: row["before_digest"], after: row["after_digest"], previousHash: row["previous_hash"], hash: row["hash"])
    }
}

public import BayyinaCore
import Foundation
import GRDB

extension IndexDatabase {
    /// Records a new token by the SHA-256 of its secret (the caller keeps the secret and shows it once).
    public func createToken(name: String, role: StaffRole, agency: String?, secretHash: String) throws(BayyinaError) -> StaffToken {
        try write { db in
            try db.execute(sql: "INSERT INTO api_tokens(name, role, agency, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [name, role.rawValue, agency, secretHash, Timestamp.now()])
            let id = db.lastInsertedRowID
            try Self.audit("token-create", "token:\(id)", after: try Self.digest([name, role.rawValue, agency ?? ""]), db: db)
            return try Self.token(id: id, db: db)!
        }
    }

    public func tokens() throws(BayyinaError) -> [StaffToken] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM api_tokens ORDER BY id").map(Self.token) }
    }

    /// Revokes a token and ends its sessions; false when there is no such token.
    public func revokeToken(id: Int64) throws(BayyinaError) -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [Timestamp.now(), id])
            if db.changesCount > 0 { try Self.audit("token-revoke", "token:\(id)", db: db) }
            try db.execute(sql: "DELETE FROM staff_sessions WHERE token_id = ?", arguments: [id])
            return try Int.fetchOne(db, sql: "SELECT 1 FROM api_tokens WHERE id = ?", arguments: [id]) != nil
        }
    }

    /// The live token whose secret has this hash.
    public func token(secretHash: String) throws(BayyinaError) -> StaffToken? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE secret_hash = ? AND revoked_at IS NULL", arguments: [secretHash])
                .map(Self.token)
        }
    }

    /// Opens a web session for a token until `expiresAt` (ISO 8601).
    public func openSession(hash: String, tokenID: Int64, csrfToken: String, expiresAt: String) throws(BayyinaError) {
        try write { db in
            try db.execute(sql: "DELETE FROM staff_sessions WHERE expires_at < ?", arguments: [Timestamp.now()])
            try db.execute(sql: "INSERT INTO staff_sessions(session_hash, token_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                           arguments: [hash, tokenID, csrfToken, expiresAt])
        }
    }

    /// The live session with this cookie hash, if its token is not revoked and it has not expired.
    public func session(hash: String) throws(BayyinaError) -> StaffSession? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT t.*, s.csrf_token FROM staff_sessions s JOIN api_tokens t ON t.id = s.token_id
                WHERE s.session_hash = ? AND s.expires_at >= ? AND t.revoked_at IS NULL
                """, arguments: [hash, Timestamp.now()]) else { return nil }
            return StaffSession(token: Self.token(row), csrfToken: row["csrf_token"])
        }
    }

    public func closeSession(hash: String) throws(BayyinaError) {
        try write { db in try db.execute(sql: "DELETE FROM staff_sessions WHERE session_hash = ?", arguments: [hash]) }
    }

    private static func token(id: Int64, db: Database) throws -> StaffToken? {
        try Row.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE id = ?", arguments: [id]).map(Self.token)
    }

    private static func token(_ row: Row) -> StaffToken {
        StaffToken(id: row["id"], name: row["name"], role: StaffRole(rawValue: row["role"]) ?? .uploader, agency: row["agency"],
                   createdAt: row["created_at"], revokedAt: row["revoked_at"])
    }
}

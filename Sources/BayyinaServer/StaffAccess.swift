import BayyinaCore
import BayyinaIngest
import Foundation
import Hummingbird

/// Who a request comes from: a web session (cookie) or an API token (bearer), or nobody.
struct StaffAccess: Sendable {
    let repository: Repository
    static let cookieName = "bayyina_session"
    static let sessionSeconds = 8 * 3600

    /// The signed-in session of the request's cookie.
    func session(_ request: Request) throws -> StaffSession? {
        guard let secret = Self.cookie(Self.cookieName, in: request) else { return nil }
        return try repository.index.session(hash: StaffSecrets.hash(secret))
    }

    /// The signed-in session of a reviewer or admin, who may edit and review; nil for anyone else.
    func editor(_ request: Request) throws -> StaffSession? {
        guard let session = try session(request), session.token.role.mayEdit else { return nil }
        return session
    }

    /// The live token of the request's `Authorization: Bearer` header.
    func bearer(_ request: Request) throws -> StaffToken? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return nil }
        return try repository.index.token(secretHash: StaffSecrets.hash(String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)))
    }

    /// Opens a session for a token secret; returns the cookie to set, or nil when the secret is not a live token.
    func signIn(secret: String) throws -> String? {
        guard let token = try repository.index.token(secretHash: StaffSecrets.hash(secret)) else { return nil }
        let sessionSecret = StaffSecrets.generate()
        let expires = Timestamp.string(from: Date().addingTimeInterval(TimeInterval(Self.sessionSeconds)))
        try repository.index.openSession(hash: StaffSecrets.hash(sessionSecret), tokenID: token.id, csrfToken: StaffSecrets.generate(),
                                         expiresAt: expires)
        return "\(Self.cookieName)=\(sessionSecret); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Self.sessionSeconds)"
    }

    func signOut(_ request: Request) throws {
        if let secret = Self.cookie(Self.cookieName, in: request) { try repository.index.closeSession(hash: StaffSecrets.hash(secret)) }
    }

    static let clearedCookie = "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"

    /// Whether a form's CSRF field matches the session's, compared in constant time.
    static func validCSRF(_ submitted: String?, for session: StaffSession) -> Bool {
        guard let submitted else { return false }
        let a = Array(submitted.utf8)
        let b = Array(session.csrfToken.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == name { return String(parts[1]) }
            }
        }
        return nil
    }

    /// The fields of an `application/x-www-form-urlencoded` body (small forms only).
    static func formFields(_ request: Request) async throws -> [String: String] {
        FormEncoding.decode(String(buffer: try await request.body.collect(upTo: 64 * 1024)))
    }
}

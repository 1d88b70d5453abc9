/// What a staff token may do: uploaders add evidence, reviewers also edit links and classification, admins
/// also manage tokens.
public enum StaffRole: String, Hashable, Sendable, Codable, CaseIterable {
    case uploader
    case reviewer
    case admin

    /// Whether this role may edit links and classification.
    public var mayEdit: Bool { self != .uploader }
}

/// A staff API token as stored (never its secret).
public struct StaffToken: Hashable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public var role: StaffRole
    public var agency: String?
    public var createdAt: String
    public var revokedAt: String?

    public init(id: Int64, name: String, role: StaffRole, agency: String?, createdAt: String, revokedAt: String?) {
        self.id = id
        self.name = name
        self.role = role
        self.agency = agency
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// A signed-in web session: who it belongs to and the secret its forms must carry.
public struct StaffSession: Hashable, Sendable {
    public var token: StaffToken
    public var csrfToken: String

    public init(token: StaffToken, csrfToken: String) {
        self.token = token
        self.csrfToken = csrfToken
    }
}

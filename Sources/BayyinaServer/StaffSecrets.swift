import BayyinaDigest
public import BayyinaCore
public import BayyinaIndex
import BayyinaStorage

/// Secrets for staff tokens, sessions and forms: random, shown once, stored only as SHA-256.
public enum StaffSecrets {
    /// A new random secret: `prefix` and 32 random bytes in hexadecimal.
    public static func generate(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return prefix + ContentHash(digest: bytes).hex
    }

    /// The SHA-256 of a secret, as stored.
    public static func hash(_ secret: String) -> String {
        SHA256Hasher.hash(Array(secret.utf8)).hex
    }

    /// Creates a token and returns it with its secret (the only time the secret exists outside the caller).
    public static func createToken(
        in index: IndexDatabase, name: String, role: StaffRole, agency: String?
    ) throws(BayyinaError) -> (token: StaffToken, secret: String) {
        let secret = generate(prefix: "bay_")
        return (try index.createToken(name: name, role: role, agency: agency, secretHash: hash(secret)), secret)
    }
}

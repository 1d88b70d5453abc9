/// A warning about a stored document (a guessed charset, a damaged PDF, an extension that lies), with a stable
/// code and the same words in English and Arabic.
public struct Notice: Hashable, Sendable, Codable {
    public var code: String
    public var english: String
    public var arabic: String

    public init(_ code: String, _ english: String, arabic: String) {
        self.code = code
        self.english = english
        self.arabic = arabic
    }

    /// The notice in the user's language.
    public func text(in language: UILanguage) -> String {
        language == .ar ? arabic : english
    }
}

import Foundation

/// Document properties beyond title, author and creation time, as the file's metadata states them.
public struct DocumentProperties: Hashable, Sendable, Codable {
    public var subject: String?
    public var keywords: [String]
    /// The program that wrote the document (PDF Creator, Office Application, ODF generator).
    public var creatorTool: String?
    /// Last modification, ISO 8601.
    public var modified: String?
    public var pdfVersion: String?
    /// Whether a PDF is tagged (structured for assistive technology).
    public var tagged: Bool?
    /// Whether a PDF is encrypted (an owner password, or a user password that was given).
    public var encrypted: Bool?

    public init(
        subject: String? = nil, keywords: [String] = [], creatorTool: String? = nil, modified: String? = nil,
        pdfVersion: String? = nil, tagged: Bool? = nil, encrypted: Bool? = nil
    ) {
        self.subject = subject
        self.keywords = keywords
        self.creatorTool = creatorTool
        self.modified = modified
        self.pdfVersion = pdfVersion
        self.tagged = tagged
        self.encrypted = encrypted
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        keywords = try container.decodeIfPresent([String].self, forKey: .keywords) ?? []
        creatorTool = try container.decodeIfPresent(String.self, forKey: .creatorTool)
        modified = try container.decodeIfPresent(String.self, forKey: .modified)
        pdfVersion = try container.decodeIfPresent(String.self, forKey: .pdfVersion)
        tagged = try container.decodeIfPresent(Bool.self, forKey: .tagged)
        encrypted = try container.decodeIfPresent(Bool.self, forKey: .encrypted)
    }

    /// Splits a keywords property ("a, b; c") into its keywords.
    public static func keywords(from text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "،" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}

import Foundation

/// An identifier written as one string (in JSON too), valid only in its own format.
public protocol TextIdentifier: Codable {
    init?(text: String)
    var text: String { get }
}

extension TextIdentifier {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a valid \(Self.self)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// The SHA-256 of a document's bytes, as 64 lowercase hexadecimal digits.
public struct ContentHash: Hashable, Sendable, TextIdentifier, CustomStringConvertible, Comparable {
    public let hex: String

    /// Accepts 64 hexadecimal digits in either case; returns nil for anything else.
    public init?(hex: String) {
        let lower = hex.lowercased()
        guard lower.utf8.count == 64, lower.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) })
        else { return nil }
        self.hex = lower
    }

    /// Builds the hash from raw digest bytes.
    public init(digest: [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        self.hex = String(unsafeUninitializedCapacity: digest.count * 2) { text in
            digits.withUTF8Buffer { digits in
                digest.withUnsafeBufferPointer { bytes in
                    for position in bytes.indices {
                        text[2 * position] = digits[Int(bytes[position] >> 4)]
                        text[2 * position + 1] = digits[Int(bytes[position] & 0x0F)]
                    }
                }
            }
            return digest.count * 2
        }
    }

    public var description: String { hex }

    public static func < (lhs: ContentHash, rhs: ContentHash) -> Bool { lhs.hex < rhs.hex }

    public init?(text: String) { self.init(hex: text) }
    public var text: String { hex }
}

/// A commitment of an action plan: `C` followed by its number, e.g. `C2`.
public struct CommitmentID: Hashable, Sendable, TextIdentifier, CustomStringConvertible, Comparable {
    public let rawValue: String
    public let number: Int

    /// Accepts `C2`, `c2` or a bare `2`.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.first.map { "Cc".contains($0) } == true ? String(trimmed.dropFirst()) : trimmed
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigit), let number = Int(digits), number > 0
        else { return nil }
        self.number = number
        self.rawValue = "C\(number)"
    }

    public var description: String { rawValue }
    public static func < (lhs: CommitmentID, rhs: CommitmentID) -> Bool { lhs.number < rhs.number }

    public init?(text: String) { self.init(text) }
    public var text: String { rawValue }
}

/// A milestone of a commitment: `C2.M3` is milestone 3 of commitment 2.
public struct MilestoneID: Hashable, Sendable, TextIdentifier, CustomStringConvertible, Comparable {
    public let commitment: CommitmentID
    public let number: Int
    public var rawValue: String { "\(commitment.rawValue).M\(number)" }

    /// Accepts `C2.M3` in either case.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let commitment = CommitmentID(String(parts[0])), parts[0].first.map({ "Cc".contains($0) }) == true
        else { return nil }
        let milestone = parts[1]
        guard milestone.first.map({ "Mm".contains($0) }) == true else { return nil }
        let digits = milestone.dropFirst()
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigit), let number = Int(digits), number > 0
        else { return nil }
        self.commitment = commitment
        self.number = number
    }

    public var description: String { rawValue }
    public static func < (lhs: MilestoneID, rhs: MilestoneID) -> Bool {
        (lhs.commitment.number, lhs.number) < (rhs.commitment.number, rhs.number)
    }

    public init?(text: String) { self.init(text) }
    public var text: String { rawValue }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

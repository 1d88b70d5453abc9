public import BayyinaCore
public import BayyinaIndex
public import Foundation

/// The public disclosure log: answered requests with their subject, dates, decision and ground, and the public
/// documents released — never who asked. The applicant's name and contact are also struck from the subject.
public struct DisclosureLog: Sendable {
    public struct Document: Sendable, Encodable, Equatable {
        public var sha256: String
        public var title: String
        public var url: String
    }

    public struct Review: Sendable, Encodable, Equatable {
        public var kind: String
        public var filed: String
        public var decided: String?
        public var outcome: String?
    }

    public struct Entry: Sendable, Encodable, Equatable {
        public var reference: String
        public var subject: String
        public var received: String
        public var due: String
        public var decided: String
        public var decision: String
        public var decisionAr: String
        public var decisionEn: String
        public var legalGround: String?
        public var reasons: String?
        public var transferredTo: String?
        public var documents: [Document]
        public var reviews: [Review]
    }

    public var generatedAt: String
    public var entries: [Entry]

    /// Every decided request, newest decision first; released documents that are not public are left out.
    public init(index: IndexDatabase, baseURL: String = Listing.defaultBaseURL, clock: any WallClock = SystemClock()) throws(BayyinaError) {
        let base = Listing.withoutTrailingSlash(baseURL)
        let requests = try index.requests(decidedOnly: true)
        var titles: [String: String] = [:]
        for hash in Set(requests.flatMap(\.releasedDocuments)) {
            if let document = try index.metadata(hash), document.classification == .public { titles[hash.hex] = document.title }
        }
        generatedAt = Timestamp.string(from: clock.now())
        entries = requests.compactMap { request in
            guard let decision = request.decision, let decided = request.decided else { return nil }
            return Entry(
                reference: request.reference, subject: Self.redacted(request.subject, of: request.applicant),
                received: request.received.description, due: request.deadline.description, decided: decided.description,
                decision: decision.rawValue, decisionAr: decision.label(.ar), decisionEn: decision.label(.en),
                legalGround: request.legalGround, reasons: request.reasons.map { Self.redacted($0, of: request.applicant) },
                transferredTo: request.transferredTo,
                documents: request.releasedDocuments.compactMap { hash in
                    titles[hash.hex].map { Document(sha256: hash.hex, title: $0, url: "\(base)/documents/\(hash.hex)") }
                },
                reviews: request.reviews.map {
                    Review(kind: $0.kind.rawValue, filed: $0.filed.description, decided: $0.decided?.description, outcome: $0.outcome?.rawValue)
                })
        }
    }

    /// The text with the applicant's name, each word of it of three letters or more, and their contact struck out,
    /// wherever they stand as whole words, whatever their case.
    static func redacted(_ text: String, of applicant: Applicant) -> String {
        let name = applicant.name.trimmingCharacters(in: .whitespaces)
        let pieces = [name, applicant.contact ?? ""] + name.split(separator: " ").map(String.init).filter { $0.count >= 3 }
        return pieces.filter { !$0.isEmpty }.sorted { $0.count > $1.count }.reduce(text) { result, piece in strike(piece, in: result) }
    }

    /// `text` with every whole-word occurrence of `piece` replaced by `[…]`.
    private static func strike(_ piece: String, in text: String) -> String {
        func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
        var result = ""
        var copied = text.startIndex
        var searchFrom = text.startIndex
        while searchFrom < text.endIndex, let found = text.range(of: piece, options: .caseInsensitive, range: searchFrom..<text.endIndex) {
            let startsWord = found.lowerBound == text.startIndex || !isWordCharacter(text[text.index(before: found.lowerBound)])
            let endsWord = found.upperBound == text.endIndex || !isWordCharacter(text[found.upperBound])
            if startsWord && endsWord {
                result += text[copied..<found.lowerBound] + "[…]"
                copied = found.upperBound
                searchFrom = found.upperBound
            } else {
                searchFrom = text.index(after: found.lowerBound)
            }
        }
        return result + text[copied...]
    }

    /// `{"generatedAt", "total", "entries": [...]}` (`Schemas/json/disclosure-log.schema.json`).
    public func json() throws(BayyinaError) -> Data {
        struct Body: Encodable {
            var generatedAt: String
            var total: Int
            var entries: [Entry]
        }
        return try JSONOutput.encode(Body(generatedAt: generatedAt, total: entries.count, entries: entries))
    }

    /// One row per answered request, bilingual column names, UTF-8 with BOM and CRLF.
    public func csv() -> String {
        var table = CSVTable(header: [
            "Reference / الرقم", "Subject / الموضوع", "Received / تاريخ الاستلام", "Due / المهلة", "Decided / تاريخ القرار",
            "Decision / القرار", "Legal ground / السند القانوني", "Reasons / الأسباب", "Released documents / الوثائق المتاحة",
            "Complaint or appeal / الشكوى أو الطعن",
        ])
        for entry in entries {
            table.rows.append([
                entry.reference, entry.subject, entry.received, entry.due, entry.decided, "\(entry.decisionEn) / \(entry.decisionAr)",
                entry.legalGround ?? "", entry.reasons ?? "", entry.documents.map(\.url).joined(separator: " "),
                entry.reviews.map { review in "\(review.kind) \(review.filed)" + (review.outcome.map { " → \($0)" } ?? "") }
                    .joined(separator: "; "),
            ])
        }
        return table.text()
    }

    /// The log as one printable, bilingual, right-to-left HTML page.
    public func html() throws(BayyinaError) -> String {
        let rows: [[String: Any]] = entries.map { entry in
            [
                "reference": entry.reference, "subject": entry.subject, "received": entry.received, "due": entry.due,
                "decided": entry.decided, "decisionAr": entry.decisionAr, "decisionEn": entry.decisionEn,
                "legalGround": entry.legalGround ?? "", "reasons": entry.reasons ?? "",
                "documents": entry.documents.map { ["title": $0.title, "url": $0.url] },
                "reviews": entry.reviews.map { ["kind": $0.kind, "filed": $0.filed, "outcome": $0.outcome ?? "…"] },
            ]
        }
        return try RegisterTemplates.render("disclosure-log", [
            "pageTitleAr": "سجل الإفصاح عن طلبات الحصول على المعلومات", "pageTitleEn": "Disclosure log of access-to-information requests",
            "generatedAt": generatedAt, "total": entries.count, "requests": rows,
        ])
    }
}

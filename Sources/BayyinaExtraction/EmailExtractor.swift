import BayyinaCore
import Foundation

/// E-mail (RFC 5322 with MIME): the plain-text part (else the HTML part as text), the subject as title,
/// the sender's display name as author, the Date header as creation time, and attachment names listed.
struct EmailExtractor {
    func extract(_ data: Data) -> ExtractedContent {
        var content = ExtractedContent(mediaType: DocumentFormat.email.mediaType)
        let message = MIMEPart(ArraySlice([UInt8](data)))
        if let subject = TextCleanup.singleLine(message.header("subject").map(EncodedWords.decode)) {
            content.formatTitle = (subject, .emailSubject)
        }
        content.author = message.header("from").map(EncodedWords.decode).flatMap(Self.displayName)
        content.created = message.header("date").flatMap(Self.isoDate)
        var plain: [MIMEPart] = []
        var html: [MIMEPart] = []
        collect(message, plain: &plain, html: &html, attachments: &content.attachments)
        if let part = plain.first {
            content.text = TextCleanup.tidy(decodeText(part, warnings: &content.warnings))
        } else if let part = html.first {
            let page = HTMLExtractor().extract(Data(decodeText(part, warnings: &content.warnings).utf8))
            content.text = page.text
        }
        content.headingTitle = TextCleanup.firstLine(of: content.text)
        if !content.attachments.isEmpty {
            content.text += "\n\n" + content.attachments.joined(separator: "\n")
        }
        return content
    }

    private func collect(_ part: MIMEPart, plain: inout [MIMEPart], html: inout [MIMEPart], attachments: inout [String]) {
        let subparts = part.subparts
        if !subparts.isEmpty {
            for subpart in subparts { collect(subpart, plain: &plain, html: &html, attachments: &attachments) }
            return
        }
        if part.isAttachment {
            attachments.append(part.attachmentName.flatMap(TextCleanup.singleLine) ?? part.contentType)
        } else if part.contentType == "text/plain" {
            plain.append(part)
        } else if part.contentType == "text/html" {
            html.append(part)
        }
    }

    private func decodeText(_ part: MIMEPart, warnings: inout [Notice]) -> String {
        let decoded = TextDecoding.decode(Data(part.decodedBody), declaredCharset: part.parameter("charset", of: "content-type"))
        warnings += decoded.warnings
        return decoded.text
    }

    /// `"Name" <address>` → Name; a bare address stays as it is.
    static func displayName(_ from: String) -> String? {
        if let open = from.firstIndex(of: "<") {
            let name = from[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if let cleaned = TextCleanup.singleLine(name) { return cleaned }
            return TextCleanup.singleLine(String(from[from.index(after: open)...].prefix { $0 != ">" }))
        }
        return TextCleanup.singleLine(from)
    }

    /// RFC 5322 date → ISO 8601 in UTC.
    static func isoDate(_ value: String) -> String? {
        let cleaned = value.replacingOccurrences(of: #"\s*\([^)]*\)\s*$"#, with: "", options: .regularExpression)
            .trimmingCharacters(in: .whitespaces)
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        for format in ["EEE, d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm Z", "EEE, d MMM yyyy HH:mm:ss zzz"] {
            parser.dateFormat = format
            if let date = parser.date(from: cleaned) {
                return Timestamp.string(from: date)
            }
        }
        return nil
    }
}

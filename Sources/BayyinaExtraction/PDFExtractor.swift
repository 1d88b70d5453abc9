import BayyinaCore
import Foundation

/// PDF through poppler's `pdfinfo` and `pdftotext`, run as child processes under a time and memory limit,
/// so that a hostile PDF can crash or hang only the child. Bidi controls are removed and the text NFKC-folded.
struct PDFExtractor {
    let limits: ExtractionLimits
    /// The user password of a protected PDF, if the person ingesting it gave one.
    let password: String?

    func extract(_ url: URL) async throws(BayyinaError) -> ExtractedContent {
        var content = ExtractedContent(mediaType: DocumentFormat.pdf.mediaType)
        let passwordArguments = password.map { ["-upw", $0] } ?? []
        let info = try await ChildProcess.run(
            "pdfinfo", passwordArguments + ["-isodates", "-enc", "UTF-8", url.path], limits: limits, outputLimit: 1 << 20)
        guard info.succeeded else {
            if info.standardError.contains("Incorrect password") {
                throw password == nil
                    ? BayyinaError(
                        .encryptedDocument,
                        "The PDF is protected by a password, so its text cannot be read. Ingest it again with --password PASSWORD (the password opens the file once and is never stored), or ingest an unprotected copy.",
                        arabic: "ملف PDF محمي بكلمة مرور فلا يمكن قراءة نصه. أعد إدخاله مع --password وكلمة المرور (تُستخدم مرة واحدة ولا تُحفظ)، أو أدخل نسخة غير محمية.")
                    : BayyinaError(
                        .encryptedDocument, "The password given does not open this PDF. Check it and ingest the file again.",
                        arabic: "كلمة المرور المعطاة لا تفتح ملف PDF هذا. تحقق منها وأعد إدخال الملف.")
            } else {
                content.warnings.append(Notice(
                    "damaged_pdf",
                    "The PDF is damaged or truncated (\(Self.firstLine(info.standardError))); no text could be read. Ingest a complete copy to make it searchable.",
                    arabic: "ملف PDF تالف أو ناقص فلم يُقرأ منه نص. أدخل نسخة كاملة لتصبح قابلة للبحث."))
            }
            return content
        }
        let fields = Self.fields(String(decoding: info.output, as: UTF8.self))
        let xmp = fields["Metadata Stream"] == "yes" ? try await readXMP(url, passwordArguments: passwordArguments) : XMPMetadata()
        content.metadataTitle = fields["Title"] ?? xmp.title
        content.author = fields["Author"] ?? xmp.creator
        content.created = fields["CreationDate"] ?? xmp.created
        content.pages = fields["Pages"].flatMap { Int($0) }
        content.properties = DocumentProperties(
            subject: fields["Subject"] ?? xmp.description,
            keywords: DocumentProperties.keywords(from: fields["Keywords"]).nonEmpty ?? xmp.keywords,
            creatorTool: fields["Creator"] ?? xmp.creatorTool ?? fields["Producer"], modified: fields["ModDate"] ?? xmp.modified,
            pdfVersion: fields["PDF version"], tagged: fields["Tagged"].map { $0 == "yes" },
            encrypted: fields["Encrypted"].map { $0.hasPrefix("yes") })
        let text = try await ChildProcess.run(
            "pdftotext", passwordArguments + ["-enc", "UTF-8", url.path, "-"], limits: limits, outputLimit: limits.maximumTextBytes)
        if !text.succeeded {
            content.warnings.append(Notice(
                "partial_pdf", "Only part of the PDF could be read (\(Self.firstLine(text.standardError))).",
                arabic: "لم يُقرأ إلا جزء من ملف PDF."))
        }
        var pages = String(decoding: text.output, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false)
            .map { TextCleanup.tidy(Self.clean(String($0))) }
        let pageCount = max(content.pages ?? 0, pages.count > 1 && pages.last?.isEmpty == true ? pages.count - 1 : pages.count)
        pages += Array(repeating: "", count: max(0, pageCount - pages.count))
        pages = Array(pages.prefix(pageCount))
        repairTextLayer(&pages, into: &content)
        let read = try await PageReader(limits: limits, password: password).read(url, textLayer: pages)
        content.warnings += read.warnings
        content.assemble(pages: read.pages)
        content.headingTitle = TextCleanup.firstLine(of: content.text)
        if content.text.isEmpty, content.warnings.isEmpty {
            content.warnings.append(Notice(
                "no_text_layer", "The PDF has no text layer (it may be a scan); it is stored but cannot be found by its words yet.",
                arabic: "ملف PDF بلا طبقة نص (قد يكون صورة ممسوحة)؛ حُفظ لكن لا يمكن العثور عليه بكلماته بعد."))
        }
        return content
    }

    /// Repairs the lam-alef swap on every page when the document as a whole shows it.
    private func repairTextLayer(_ pages: inout [String], into content: inout ExtractedContent) {
        guard ArabicTextLayerRepair.repair(pages.joined(separator: "\n")) != nil else { return }
        var repaired = 0
        for index in pages.indices {
            guard let repair = ArabicTextLayerRepair.repair(pages[index], force: true) else { continue }
            pages[index] = repair.text
            repaired += repair.repairedWords
            content.alternativeReadings += repair.alternativeReadings.filter { !content.alternativeReadings.contains($0) }
        }
        content.warnings.append(Notice(
            "lam_alef_repaired",
            "The PDF's font writes lam-alef as alef-lam (سالم for سلام): \(repaired) words were repaired and \(content.alternativeReadings.count) other readings made searchable.",
            arabic: "خط ملف PDF يكتب «لا» على هيئة «ال» (سالم بدل سلام): أُصلحت \(repaired) كلمة وأصبحت \(content.alternativeReadings.count) قراءة بديلة قابلة للبحث."))
    }

    /// The XMP packet of the PDF (`pdfinfo -meta`), for what the Info dictionary lacks.
    private func readXMP(_ url: URL, passwordArguments: [String]) async throws(BayyinaError) -> XMPMetadata {
        let meta = try await ChildProcess.run("pdfinfo", passwordArguments + ["-meta", url.path], limits: limits, outputLimit: 4 << 20)
        guard meta.succeeded, let start = meta.output.firstIndex(of: UInt8(ascii: "<")) else { return XMPMetadata() }
        return (try? XMPMetadata(Data(meta.output[start...]))) ?? XMPMetadata()
    }

    /// Removes poppler's bidi embedding controls (a space where one run ends and the next begins) and folds
    /// presentation forms with NFKC.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if TextCleanup.isBidiControl(scalar) {
                if previous?.value == 0x202C, [0x202A, 0x202B].contains(scalar.value) { scalars.append(" ") }
                previous = scalar
                continue
            }
            previous = scalar
            scalars.append(scalar)
        }
        let folded = String(scalars).precomposedStringWithCompatibilityMapping.replacingOccurrences(of: "\u{0C}", with: "\n\n")
        return reattachStrayMarks(folded)
    }

    /// poppler puts the tanween or haraka that ends a right-to-left word on a line of its own, before the word
    /// (تنفيذاً comes out as "ً" then "تنفيذا"). A line of nothing but Arabic marks is joined to the end of the first
    /// word of the next line.
    static func reattachStrayMarks(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index + 1 < lines.count {
            let marks = lines[index].unicodeScalars.filter { !$0.properties.isWhitespace }
            guard !marks.isEmpty, marks.allSatisfy({ (0x064B...0x065F).contains($0.value) || $0.value == 0x0670 }) else {
                index += 1
                continue
            }
            var next = lines[index + 1]
            let wordEnd = next.firstIndex(where: \.isWhitespace) ?? next.endIndex
            next.insert(contentsOf: String(String.UnicodeScalarView(marks)), at: wordEnd)
            lines[index + 1] = next
            lines.remove(at: index)
        }
        return lines.joined(separator: "\n")
    }

    static func fields(_ output: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty, fields[key] == nil { fields[key] = value }
        }
        return fields
    }

    private static func firstLine(_ text: String) -> String {
        TextCleanup.firstLine(of: text) ?? "no details"
    }
}

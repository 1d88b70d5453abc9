import BayyinaCore
import Foundation

/// PDF through a long-lived poppler child (``PDFTextWorker``: text, Info dictionary and XMP packet) under a time and
/// memory limit, so that a hostile PDF can crash or hang only the child; the other properties come from
/// ``PDFStructure``. Bidi controls are removed and the text NFKC-folded.
struct PDFExtractor {
    let limits: ExtractionLimits
    /// The user password of a protected PDF, if the person ingesting it gave one.
    let password: String?

    func extract(_ url: URL) async throws(BayyinaError) -> ExtractedContent {
        var content = ExtractedContent(mediaType: DocumentFormat.pdf.mediaType)
        let reply: PDFTextReply
        switch await PDFTextWorkers.shared.read(url.path, password: password, limits: limits) {
        case .reply(let read): reply = read
        case .timedOut:
            throw BayyinaError(
                .extractionTimeout,
                "The PDF reader did not finish within \(limits.childTimeoutSeconds) s on this file; it was stopped. The file may be damaged or built to exhaust resources.",
                arabic: "لم ينتهِ قارئ PDF من هذا الملف خلال \(limits.childTimeoutSeconds) ثانية فأُوقف. قد يكون الملف تالفًا أو مصممًا لاستنزاف الموارد.")
        case .ended(status: 127):
            throw BayyinaError(
                .extractionFailed,
                "The PDF reader (bayyina-pdftext) could not start: it is missing beside bayyina (build it with swift build, with libpoppler-cpp-dev installed), or the helper memory limit is too small for it.",
                arabic: "تعذّر تشغيل قارئ PDF ‏(bayyina-pdftext): إما أنه غير موجود بجانب bayyina (ابنِه بالأمر swift build بعد تثبيت libpoppler-cpp-dev) وإما أن حد الذاكرة للبرامج المساعدة أصغر مما يحتاج.")
        case .ended(let status):
            content.warnings.append(Self.damaged("the PDF reader stopped\(status.map { " with status \($0)" } ?? "")"))
            return content
        }
        switch reply.status {
        case .locked:
            throw password == nil
                ? BayyinaError(
                    .encryptedDocument,
                    "The PDF is protected by a password, so its text cannot be read. Ingest it again with --password PASSWORD (the password opens the file once and is never stored), or ingest an unprotected copy.",
                    arabic: "ملف PDF محمي بكلمة مرور فلا يمكن قراءة نصه. أعد إدخاله مع --password وكلمة المرور (تُستخدم مرة واحدة ولا تُحفظ)، أو أدخل نسخة غير محمية.")
                : BayyinaError(
                    .encryptedDocument, "The password given does not open this PDF. Check it and ingest the file again.",
                    arabic: "كلمة المرور المعطاة لا تفتح ملف PDF هذا. تحقق منها وأعد إدخال الملف.")
        case .unreadable:
            content.warnings.append(Self.damaged(Self.firstLine(reply.messages)))
            return content
        case .partial:
            content.warnings.append(Notice(
                "partial_pdf", "Only part of the PDF could be read (\(Self.firstLine(reply.messages))).",
                arabic: "لم يُقرأ إلا جزء من ملف PDF."))
        case .ok:
            break
        }
        let structure = PDFStructure(contentsOf: url)
        let fields = reply.info
        let xmp = reply.xmp.flatMap { try? XMPMetadata($0) } ?? XMPMetadata()
        content.metadataTitle = fields["Title"] ?? xmp.title
        content.author = fields["Author"] ?? xmp.creator
        content.created = fields["CreationDate"] ?? xmp.created
        content.properties = DocumentProperties(
            subject: fields["Subject"] ?? xmp.description,
            keywords: DocumentProperties.keywords(from: fields["Keywords"]).nonEmpty ?? xmp.keywords,
            creatorTool: fields["Creator"] ?? xmp.creatorTool ?? fields["Producer"], modified: fields["ModDate"] ?? xmp.modified,
            pdfVersion: structure.version, tagged: structure.tagged, encrypted: structure.encrypted)
        var pages = String(decoding: reply.text, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false)
            .map { TextCleanup.tidy(Self.clean(String($0))) }
        if pages.count > 1, pages.last?.isEmpty == true { pages.removeLast() }
        content.pages = pages.count
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

    /// Removes poppler's bidi embedding controls (a space where one run ends and the next begins) and folds
    /// presentation forms with NFKC.
    static func clean(_ text: String) -> String {
        // Written as UTF-8 bytes: appending scalars to a String one at a time costs several times more.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var folded = true
        var previous: Unicode.Scalar?
        var previousClass: UInt8 = 0
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if TextCleanup.isBidiControl(scalar) {
                if previous?.value == 0x202C, [0x202A, 0x202B].contains(scalar.value) { bytes.append(UInt8(ascii: " ")) }
                continue
            }
            if scalar == "\u{0C}" {
                bytes.append(contentsOf: [UInt8(ascii: "\n"), UInt8(ascii: "\n")])
                continue
            }
            if folded { folded = ScalarTraits.foldsToItself(scalar, after: &previousClass) }
            bytes.append(contentsOf: scalar.utf8)
        }
        let unfolded = String(decoding: bytes, as: UTF8.self)
        return reattachStrayMarks(folded ? unfolded : unfolded.precomposedStringWithCompatibilityMapping)
    }

    /// poppler puts the tanween or haraka that ends a right-to-left word on a line of its own, before the word
    /// (تنفيذاً comes out as "ً" then "تنفيذا"). A line of nothing but Arabic marks is joined to the end of the first
    /// word of the next line.
    static func reattachStrayMarks(_ text: String) -> String {
        guard hasLineOfMarks(text) else { return text }
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(String.UnicodeScalarView.init)
        var index = 0
        while index + 1 < lines.count {
            guard isLineOfMarks(lines[index]) else {
                index += 1
                continue
            }
            let marks = lines[index].filter { !isWhitespace($0) }
            var next = lines[index + 1]
            next.insert(contentsOf: marks, at: next.firstIndex(where: isWhitespace) ?? next.endIndex)
            lines[index + 1] = next
            lines.remove(at: index)
        }
        return lines.map(String.init).joined(separator: "\n")
    }

    /// Whether some line holds Arabic marks and nothing else but spaces (lines as slices, nothing copied).
    private static func hasLineOfMarks(_ text: String) -> Bool {
        text.unicodeScalars.split(separator: "\n").contains { isLineOfMarks($0) }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        ScalarTraits.of(scalar).contains(.whitespace)
    }

    private static func isLineOfMarks(_ line: some Sequence<Unicode.Scalar>) -> Bool {
        var marks = 0
        for scalar in line {
            if isArabicMark(scalar) {
                marks += 1
            } else if !isWhitespace(scalar) {
                return false
            }
        }
        return marks > 0
    }

    private static func isArabicMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x064B...0x065F).contains(scalar.value) || scalar.value == 0x0670
    }

    private static func damaged(_ reason: String) -> Notice {
        Notice(
            "damaged_pdf",
            "The PDF is damaged or truncated (\(reason)); no text could be read. Ingest a complete copy to make it searchable.",
            arabic: "ملف PDF تالف أو ناقص فلم يُقرأ منه نص. أدخل نسخة كاملة لتصبح قابلة للبحث.")
    }

    private static func firstLine(_ text: String) -> String {
        TextCleanup.firstLine(of: text) ?? "no details"
    }
}

import BayyinaCore
import Foundation

/// The text of one page and where it came from.
struct PageRead: Sendable {
    var text: String
    var source: PageSource
    var confidence: Double?
}

/// Decides, page by page, whether a PDF's text layer can be trusted, and reads the others with OCR: pages with
/// fewer than ``minimumCharacters`` letters and digits (scans: a scanner's text layer holds a page number or a stamp,
/// while a page of prose has hundreds), pages whose text is mostly unmapped glyphs, and pages whose Arabic is in
/// visual (reversed) order.
struct PageReader {
    let limits: ExtractionLimits
    let password: String?
    static let minimumCharacters = 40

    func read(_ url: URL, textLayer: [String]) async throws(BayyinaError) -> (pages: [PageRead], warnings: [Notice]) {
        var pages = textLayer.map { PageRead(text: $0, source: .textLayer, confidence: nil) }
        let reversed = Set(textLayer.indices.filter { ArabicTextLayerRepair.isVisualOrder(textLayer[$0]) })
        let sparse = Set(textLayer.indices.filter { Self.wordCharacterCount(textLayer[$0]) < Self.minimumCharacters || Self.isGarbled(textLayer[$0]) })
        let wanted = reversed.union(sparse).sorted()
        guard !wanted.isEmpty else { return (pages, []) }
        var warnings: [Notice] = []
        let toRecognize = Array(wanted.prefix(limits.maximumOCRPages))
        if await OCREngine.isAvailable(limits: limits) {
            let (recognized, failed, skipped) = await recognize(url, pages: toRecognize)
            for index in skipped where sparse.contains(index) { pages[index].source = .ocrPending }
            if !skipped.isEmpty {
                warnings.append(Notice(
                    "ocr_budget", "OCR of this document took longer than \(limits.ocrBudgetSeconds) s; \(skipped.count) pages wait for bayyina reextract --ocr.",
                    arabic: "تجاوز التعرف الضوئي على هذه الوثيقة \(limits.ocrBudgetSeconds) ثانية؛ \(skipped.count) صفحة تنتظر bayyina reextract --ocr."))
            }
            for (index, text) in recognized {
                let layerCharacters = Self.wordCharacterCount(textLayer[index])
                let ocrCharacters = Self.wordCharacterCount(text.text)
                let better = reversed.contains(index) ? ocrCharacters * 2 >= layerCharacters : ocrCharacters > layerCharacters
                if better { pages[index] = PageRead(text: text.text, source: .ocr, confidence: text.confidence) }
            }
            if !failed.isEmpty {
                let list = failed.map { String($0 + 1) }.joined(separator: ", ")
                warnings.append(Notice("ocr_failed", "OCR failed on pages \(list); their text layer was kept.",
                                       arabic: "تعذّر التعرف الضوئي على الصفحات \(list)؛ فأُبقي على طبقة النص فيها."))
            }
        } else {
            for index in sparse { pages[index].source = .ocrPending }
            warnings.append(Notice(
                "ocr_unavailable",
                "Some pages are scans but OCR (tesseract with Arabic and English) is not installed; they are marked for later. Install tesseract-ocr, tesseract-ocr-ara and tesseract-ocr-eng, then run bayyina reextract --ocr.",
                arabic: "بعض الصفحات صور ممسوحة لكن التعرف الضوئي (tesseract بالعربية والإنجليزية) غير مثبت؛ فعُلّمت لوقت لاحق. ثبّت tesseract-ocr وtesseract-ocr-ara وtesseract-ocr-eng ثم شغّل bayyina reextract --ocr."))
        }
        for index in reversed where pages[index].source == .textLayer {
            pages[index].text = ArabicTextLayerRepair.logicalOrder(ofVisual: pages[index].text)
        }
        if !reversed.isEmpty {
            warnings.append(Notice(
                "visual_order", "The Arabic text layer of \(reversed.count) page(s) is in visual (reversed) order; it was read again.",
                arabic: "طبقة النص العربية في \(reversed.count) صفحة مخزنة بترتيب بصري معكوس؛ فأُعيدت قراءتها."))
        }
        if wanted.count > toRecognize.count {
            for index in wanted.dropFirst(toRecognize.count) where sparse.contains(index) { pages[index].source = .ocrPending }
            warnings.append(Notice(
                "ocr_truncated", "Only the first \(toRecognize.count) scanned pages were read by OCR.",
                arabic: "لم يُقرأ بالتعرف الضوئي إلا أول \(toRecognize.count) صفحة ممسوحة."))
        }
        return (pages, warnings)
    }

    /// Renders and recognises pages side by side, up to ``ExtractionLimits/ocrConcurrency``, within the document's
    /// OCR budget; returns the text by page index, the pages that failed and those never started.
    private func recognize(_ url: URL, pages: [Int]) async -> (recognized: [Int: RecognizedText], failed: [Int], skipped: [Int]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bayyina-ocr-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let deadline = ContinuousClock.now + .seconds(limits.ocrBudgetSeconds)
        return await withTaskGroup(of: (Int, RecognizedText?).self) { group in
            var recognized: [Int: RecognizedText] = [:]
            var failed: [Int] = []
            var next = 0
            func start() {
                let index = pages[next]
                group.addTask { (index, try? await recognize(url, page: index + 1, in: folder)) }
                next += 1
            }
            while next < min(limits.ocrConcurrency, pages.count) { start() }
            while let (index, text) = await group.next() {
                if let text { recognized[index] = text } else { failed.append(index) }
                if next < pages.count, ContinuousClock.now < deadline { start() }
            }
            return (recognized, failed.sorted(), Array(pages[next...]))
        }
    }

    private func recognize(_ url: URL, page: Int, in folder: URL) async throws(BayyinaError) -> RecognizedText {
        let image = folder.appendingPathComponent("page-\(page)")
        let passwordArguments = password.map { ["-upw", $0] } ?? []
        let render = try await ChildProcess.run(
            "pdftoppm", passwordArguments + ["-r", "\(limits.ocrResolution)", "-gray", "-png", "-singlefile", "-f", "\(page)", "-l", "\(page)",
                                             url.path, image.path], limits: limits, outputLimit: 64 * 1024)
        guard render.succeeded else {
            throw BayyinaError(.extractionFailed, "Page \(page) could not be rendered for OCR.", arabic: "تعذّر تحويل الصفحة \(page) إلى صورة.")
        }
        return try await OCREngine(limits: limits).recognize(imageAt: image.appendingPathExtension("png"))
    }

    /// A text layer from fonts without a Unicode mapping: mostly private-use characters, replacement characters
    /// or controls instead of letters.
    static func isGarbled(_ text: String) -> Bool {
        var junk = 0
        var total = 0
        for scalar in text.unicodeScalars {
            let traits = ScalarTraits.of(scalar)
            if traits.contains(.whitespace) { continue }
            total += 1
            if (0xE000...0xF8FF).contains(scalar.value) || scalar.value == 0xFFFD || traits.contains(.control) { junk += 1 }
        }
        return total > 0 && junk * 10 > total * 3
    }

    /// Letters and digits: a page of figures is no scan either.
    static func wordCharacterCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where ScalarTraits.of(scalar).contains(.wordCharacter) { count += 1 }
        return count
    }
}

import BayyinaCore
import Foundation

/// Recognised text of one image: lines in reading (logical) order, and the mean word confidence (0-100).
struct RecognizedText: Sendable, Equatable {
    var text: String
    var confidence: Double?
    var words: Int
}

/// Tesseract with its Arabic and English models, as a child process under the time and memory limits; one
/// thread per process, so that pages run side by side up to the core count.
struct OCREngine: Sendable {
    let limits: ExtractionLimits
    static let languages = "ara+eng"

    /// Whether `tesseract` runs and has both the Arabic and the English model.
    static func isAvailable(limits: ExtractionLimits) async -> Bool {
        guard let outcome = try? await ChildProcess.run("tesseract", ["--list-langs"], limits: limits, outputLimit: 64 * 1024),
              outcome.succeeded else { return false }
        let listed = Set(String(decoding: outcome.output, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init))
        return listed.contains("ara") && listed.contains("eng")
    }

    func recognize(imageAt url: URL) async throws(BayyinaError) -> RecognizedText {
        let outcome = try await ChildProcess.run(
            "tesseract", [url.path, "stdout", "-l", Self.languages, "--psm", "3", "tsv"], limits: limits,
            outputLimit: limits.maximumTextBytes, environment: ["OMP_THREAD_LIMIT": "1"])
        guard outcome.succeeded else {
            throw BayyinaError(.extractionFailed, "OCR failed on a page: \(TextCleanup.firstLine(of: outcome.standardError) ?? "no details").",
                               arabic: "تعذّر التعرف الضوئي على النص في إحدى الصفحات.")
        }
        return Self.parse(tsv: String(decoding: outcome.output, as: UTF8.self))
    }

    /// Rebuilds lines and paragraphs from Tesseract's TSV (one row per word, already in reading order), without
    /// the direction marks it adds and with Arabic words that it split into letters joined again.
    static func parse(tsv: String) -> RecognizedText {
        var lines: [(paragraph: String, line: String, words: [String])] = []
        var confidences: [Double] = []
        for row in tsv.split(separator: "\n").dropFirst() {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 12, columns[0] == "5", let confidence = Double(columns[10]), confidence >= 0 else { continue }
            let word = String(String.UnicodeScalarView(columns[11].unicodeScalars.filter { !TextCleanup.isBidiControl($0) }))
                .trimmingCharacters(in: .whitespaces)
            guard !word.isEmpty else { continue }
            confidences.append(confidence)
            let paragraph = columns[1...3].joined(separator: "-")
            let line = paragraph + "-" + columns[4]
            if lines.last?.line == line {
                lines[lines.count - 1].words.append(word)
            } else {
                lines.append((paragraph, line, [word]))
            }
        }
        var text = ""
        for (index, line) in lines.enumerated() {
            if index > 0 { text += lines[index - 1].paragraph == line.paragraph ? "\n" : "\n\n" }
            text += joinSplitLetters(line.words).joined(separator: " ")
        }
        let mean = confidences.isEmpty ? nil : confidences.reduce(0, +) / Double(confidences.count)
        return RecognizedText(text: text, confidence: mean, words: confidences.count)
    }

    /// Three or more one-letter Arabic "words" in a row are one word that OCR spaced out (م ن ص ة → منصة).
    static func joinSplitLetters(_ words: [String]) -> [String] {
        var result: [String] = []
        var run: [String] = []
        func flush() {
            if run.count >= 3 { result.append(run.joined()) } else { result += run }
            run = []
        }
        for word in words {
            let scalars = Array(word.unicodeScalars.filter { !$0.properties.isDiacritic })
            if scalars.count == 1, ArabicNormalizer.isArabicLetter(scalars[0]) {
                run.append(word)
            } else {
                flush()
                result.append(word)
            }
        }
        flush()
        return result
    }
}

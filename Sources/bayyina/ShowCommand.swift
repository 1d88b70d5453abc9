import ArgumentParser
import BayyinaCore
import BayyinaListings
import Foundation

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a document's metadata, and its text with --text.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The document's sha256.") var sha256: String
    @Flag(help: "Include the extracted text.") var text = false
    @Flag(help: "List the pages: where each page's text came from (text layer or OCR), and with --text the text of each.") var pages = false
    @Flag(help: "List the other versions of the document (near-duplicates: a DOCX, its PDF, a scan).") var versions = false
    @Option(help: "public shows only public documents.") var audience: Audience = .internal

    func run() async throws {
        let hash = try contentHash(sha256)
        let repository = try options.open()
        guard let (document, body) = try repository.index.document(hash), audience == .internal || document.classification == .public else {
            throw BayyinaError(.unknownDocument, "No document has the hash \(hash).", arabic: "لا توجد وثيقة بالبصمة \(hash).")
        }
        let pageList = pages ? try repository.index.pages(of: hash) : []
        let others = versions ? try repository.index.otherVersions(of: hash, audience: audience) : []
        if options.json {
            var json = DocumentJSON(document, text: text ? body : nil)
            if pages { json.pageList = pageList.map { PageJSON($0, body: text ? body : nil) } }
            if versions { json.versions = others.map(VersionJSON.init) }
            Output.json(json)
            return
        }
        let ui = options.ui
        let rows: [[String]] = [
            ["sha256", document.sha256.hex], [ui.pick("title", "العنوان"), document.title],
            [ui.pick("author", "المؤلف"), document.author ?? "—"], [ui.pick("created", "تاريخ الإنشاء"), document.created ?? "—"],
            [ui.pick("language", "اللغة"), document.language?.rawValue ?? "—"], [ui.pick("pages", "الصفحات"), document.pages.map(String.init) ?? "—"],
            [ui.pick("media type", "نوع الملف"), document.mediaType], [ui.pick("size", "الحجم"), "\(document.size) B"],
            [ui.pick("file names", "أسماء الملف"), document.filenames.joined(separator: ", ")],
            [ui.pick("subject", "الموضوع"), document.properties.subject ?? "—"],
            [ui.pick("keywords", "الكلمات المفتاحية"), Self.list(document.properties.keywords)],
            [ui.pick("classification", "التصنيف"), document.classification.rawValue],
            [ui.pick("commitments", "الالتزامات"), Self.list(document.commitments.map(\.rawValue))],
            [ui.pick("milestones", "الأنشطة"), Self.list(document.milestones.map(\.rawValue))],
        ] + document.warnings.map { [ui.pick("warning", "تنبيه"), $0.text(in: ui)] }
            + others.map { [ui.pick("other version", "نسخة أخرى"), "\($0.sha256.hex.prefix(12)) \($0.title) (\($0.mediaType))"] }
        Output.table([ui.pick("FIELD", "الحقل"), ui.pick("VALUE", "القيمة")], rows)
        if pages {
            Output.line("")
            Output.table(
                [ui.pick("PAGE", "الصفحة"), ui.pick("SOURCE", "المصدر"), ui.pick("CHARACTERS", "الأحرف"), ui.pick("CONFIDENCE", "الثقة")],
                pageList.map { page in
                    [String(page.number), page.source.rawValue, String(page.characters), page.confidence.map { String(format: "%.0f", $0) } ?? "—"]
                })
        }
        if text {
            Output.line("")
            Output.line(body)
        }
    }

    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "—" : items.joined(separator: ", ")
    }
}

import ArgumentParser
import BayyinaCore
import Foundation

struct DescribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Set what the register says of a document (titles, description, type, agency, date), or show it. \"\" clears a field.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The document's sha256.") var sha256: String
    @Option(name: .customLong("title-ar")) var titleAr: String?
    @Option(name: .customLong("title-en")) var titleEn: String?
    @Option(name: .customLong("description-ar")) var descriptionAr: String?
    @Option(name: .customLong("description-en")) var descriptionEn: String?
    @Option(help: "\(DocumentType.allCases.map(\.rawValue).joined(separator: ", ")).") var type: DocumentType?
    @Option(help: "The responsible agency, when not the lead agency of the linked commitment.") var agency: String?
    @Option(help: "The document's date (YYYY-MM-DD), when its metadata lacks it or is wrong.") var date: String?
    @Option(help: "Who changed it (default: $USER).") var by: String?

    func run() async throws {
        let index = try options.open().index
        let hash = try contentHash(sha256)
        let change = DocumentDescription(titleAr: titleAr, titleEn: titleEn, descriptionAr: descriptionAr, descriptionEn: descriptionEn,
                                         type: type, agency: agency, documentDate: date)
        let description = change == DocumentDescription()
            ? try index.documentDescription(hash)
            : try index.describe(hash, change, by: by ?? ProcessInfo.processInfo.environment["USER"] ?? "cli",
                                 at: Timestamp.string(from: try options.clock.now()))
        if options.json {
            Output.json(description)
            return
        }
        let ui = options.ui
        let rows: [(String, String, String?)] = [
            ("Arabic title", "العنوان بالعربية", description.titleAr), ("English title", "العنوان بالإنجليزية", description.titleEn),
            ("Arabic description", "الوصف بالعربية", description.descriptionAr),
            ("English description", "الوصف بالإنجليزية", description.descriptionEn),
            ("Type", "النوع", description.type.map { $0.label(ui) }), ("Agency", "الجهة", description.agency),
            ("Date", "التاريخ", description.documentDate),
        ]
        for (english, arabic, value) in rows {
            Output.line("\(ui.pick(english, arabic)): \(value ?? ui.pick("(derived)", "(مستنتج)"))")
        }
    }
}

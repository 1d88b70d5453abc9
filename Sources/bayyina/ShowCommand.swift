import ArgumentParser
import BayyinaCore
import Foundation

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a document's metadata, and its text with --text.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The document's sha256.") var sha256: String
    @Flag(help: "Include the extracted text.") var text = false
    @Option(help: "public shows only public documents.") var audience: Audience = .internal

    func run() async throws {
        let hash = try contentHash(sha256)
        let repository = try options.open()
        guard let (document, body) = try repository.index.document(hash), audience == .internal || document.classification == .public else {
            throw BayyinaError(.unknownDocument, "No document has the hash \(hash).")
        }
        if options.json {
            Output.json(DocumentJSON(document, text: text ? body : nil))
            return
        }
        let rows: [[String]] = [
            ["sha256", document.sha256.hex], ["title", document.title], ["author", document.author ?? "—"],
            ["created", document.created ?? "—"], ["language", document.language?.rawValue ?? "—"],
            ["pages", document.pages.map(String.init) ?? "—"], ["media type", document.mediaType], ["size", "\(document.size) bytes"],
            ["file names", document.filenames.joined(separator: ", ")], ["classification", document.classification.rawValue],
            ["commitments", document.commitments.map(\.rawValue).joined(separator: ", ")],
            ["milestones", document.milestones.map(\.rawValue).joined(separator: ", ")],
        ] + document.warnings.map { ["warning", $0] }
        Output.table(["FIELD", "VALUE"], rows)
        if text {
            Output.line("")
            Output.line(body)
        }
    }
}

import ArgumentParser
import BayyinaCore
import BayyinaListings
import BayyinaIngest
import Foundation

struct LinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link", abstract: "Link a document to commitments and milestones.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var links: LinkOptions
    @Argument(help: "The document's sha256.") var sha256: String

    func run() async throws {
        let repository = try options.open()
        let hash = try contentHash(sha256)
        try repository.index.link(hash, commitments: try links.commitments(), milestones: try links.milestones())
        try LinkSummary.print(hash, repository: repository, options: options)
    }
}

struct UnlinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlink", abstract: "Remove links; unlinking a commitment also removes its milestones' links.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var links: LinkOptions
    @Argument(help: "The document's sha256.") var sha256: String

    func run() async throws {
        let repository = try options.open()
        let hash = try contentHash(sha256)
        try repository.index.unlink(hash, commitments: try links.commitments(), milestones: try links.milestones())
        try LinkSummary.print(hash, repository: repository, options: options)
    }
}


/// Prints the links a document has after a change.
enum LinkSummary {
    static func print(_ hash: ContentHash, repository: Repository, options: StoreOptions) throws(BayyinaError) {
        guard let document = try repository.index.metadata(hash) else { return }
        if options.json {
            Output.json(DocumentJSON(document, text: nil))
            return
        }
        let commitments = document.commitments.map(\.rawValue).joined(separator: ", ")
        let milestones = document.milestones.map(\.rawValue).joined(separator: ", ")
        Output.line(document.title)
        Output.line(options.ui.pick("commitments: ", "الالتزامات: ") + (commitments.isEmpty ? "—" : commitments))
        Output.line(options.ui.pick("milestones: ", "الأنشطة: ") + (milestones.isEmpty ? "—" : milestones))
    }
}

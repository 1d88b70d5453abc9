import ArgumentParser
import BayyinaCore
import BayyinaListings
import BayyinaServer
import BayyinaExtraction
import Foundation

struct ReextractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reextract",
        abstract: "Read stored originals again with the current extractors: those read by an older extractor version, the ones named, or all.")

    @OptionGroup var options: StoreOptions
    @Flag(help: "Every stored document.") var all = false
    @Flag(help: "Documents with pages that wait for OCR (read when OCR was not installed).") var ocr = false
    @Argument(help: "Documents to read again (sha256); default: those read by an older extractor version.") var sha256: [String] = []

    func validate() throws {
        if [all, ocr, !sha256.isEmpty].filter({ $0 }).count > 1 { throw ValidationError("Give one of --all, --ocr or hashes.") }
    }

    func run() async throws {
        let repository = try options.open()
        let hashes: [ContentHash]
        if all {
            hashes = try repository.index.allHashes().sorted()
        } else if ocr {
            hashes = try repository.index.documentsAwaitingOCR()
        } else if !sha256.isEmpty {
            hashes = try sha256.map { text throws(BayyinaError) in try contentHash(text) }
        } else {
            let versions = Dictionary(uniqueKeysWithValues: ExtractorRegistry.versions.map { ($0.key.rawValue, $0.value) })
            hashes = try repository.index.outdatedExtractions(currentVersions: versions)
        }
        var failed = 0
        for hash in hashes {
            let outcome = await repository.pipeline.reextract(hash)
            if outcome.status == .rejected { failed += 1 }
            if options.json { Output.json(IngestLineJSON(outcome)) } else { Output.line(IngestCommand.describe(outcome, in: options.ui)) }
        }
        if !options.json {
            Output.line(options.ui.pick("\(hashes.count - failed) read again, \(failed) failed.", "أعيدت قراءة \(hashes.count - failed)، وتعذّرت \(failed)."))
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

import ArgumentParser
import BayyinaCore
import BayyinaListings
import BayyinaServer
import BayyinaIngest
import Foundation

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store and index evidence files; folders are read recursively and keep their relative path.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var links: LinkOptions

    @Option(help: "public or restricted.") var classification: Classification = .public
    @Option(name: .customLong("legal-basis"), help: "Why a restricted document is withheld (the legal basis).") var legalBasis: String?
    @Option(help: "The name the file arrived under (a single file only), e.g. an upload's name.") var name: String?
    @Option(help: "The password of a protected PDF; it opens the file once and is never stored.") var password: String?
    @Argument(help: "Files or folders.") var paths: [String]

    func validate() throws {
        if name != nil, paths.count != 1 { throw ValidationError("--name needs exactly one file.") }
    }

    func run() async throws {
        let repository = try options.open()
        let commitments = try links.commitments()
        let milestones = try links.milestones()
        try repository.index.validateLinks(commitments: commitments, milestones: milestones)
        let requests = try expand().map { file in
            IngestRequest(
                source: file.url, originalName: name, folder: file.folder, commitments: commitments, milestones: milestones,
                classification: classification, legalBasis: legalBasis, password: password)
        }
        let showProgress = requests.count > 1 && Output.standardErrorIsTerminal
        var counts: [IngestOutcome.Status: Int] = [:]
        var done = 0
        await repository.pipeline.ingest(requests) { outcome in
            counts[outcome.status, default: 0] += 1
            done += 1
            if options.json {
                Output.json(IngestLineJSON(outcome))
            } else {
                if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                Output.line(Self.describe(outcome, in: options.ui))
            }
            if showProgress { Output.progress(done, of: requests.count, URL(fileURLWithPath: outcome.path).lastPathComponent) }
        }
        if !options.json {
            let (ingested, duplicate, rejected) = (counts[.ingested, default: 0], counts[.duplicate, default: 0], counts[.rejected, default: 0])
            Output.line(options.ui.pick("\(ingested) ingested, \(duplicate) duplicate, \(rejected) rejected.",
                                        "أُدخلت \(ingested)، مكررة \(duplicate)، مرفوضة \(rejected)."))
        }
        if counts[.rejected, default: 0] > 0 { throw ExitCode(1) }
    }

    /// One line per file: status, short hash, title (or the reason for a rejection).
    static func describe(_ outcome: IngestOutcome, in language: UILanguage) -> String {
        let hash = outcome.sha256.map { String($0.hex.prefix(12)) } ?? String(repeating: "-", count: 12)
        let status = switch outcome.status {
        case .ingested: language.pick("ingested ", "أُدخلت")
        case .duplicate: language.pick("duplicate", "مكررة")
        case .rejected: language.pick("rejected ", "مرفوضة")
        case .reextracted: language.pick("re-read  ", "أعيدت قراءتها")
        }
        guard outcome.status != .rejected else {
            return "\(status)  \(hash)  \(outcome.path): \(outcome.error?.message(in: language) ?? "") [\(outcome.error?.code.rawValue ?? "")]"
        }
        let warnings = outcome.warnings.isEmpty ? "" : "  (" + language.pick("warnings: ", "تنبيهات: ") + "\(outcome.warnings.count))"
        return "\(status)  \(hash)  \(outcome.title ?? "")\(warnings)"
    }

    /// Files to ingest: each file as given, each folder's regular files (recursively, sorted, hidden ones skipped).
    private func expand() throws(BayyinaError) -> [(url: URL, folder: String)] {
        var files: [(URL, String)] = []
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw BayyinaError(.fileNotFound, "\(path) does not exist.", arabic: "المسار \(path) غير موجود.")
            }
            guard isDirectory.boolValue else {
                files.append((url, ""))
                continue
            }
            if name != nil {
                throw BayyinaError(.invalidArgument, "--name names a single file, but \(path) is a folder.",
                                   arabic: "الخيار --name لملف واحد، لكن \(path) مجلد.")
            }
            for file in FolderFiles.regularFiles(under: url) {
                let parent = file.deletingLastPathComponent().path
                let relative = parent.hasPrefix(url.path) ? String(parent.dropFirst(url.path.count)) : ""
                files.append((file, relative.trimmingCharacters(in: CharacterSet(charactersIn: "/"))))
            }
        }
        return files
    }
}

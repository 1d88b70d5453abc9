import BayyinaTestSupport
import Foundation
import Testing

/// The CLI contract of `tools/README.md`: JSON shapes (checked against `Schemas/json`) and exit codes.
@Suite struct CLIContractTests {
    @Test func everyJSONTheCLIPrintsValidatesAgainstItsSchema() throws {
        let cli = try CLIRunner()
        let plan = try cli.run("plan", "import", Fixtures.planFile.path, "--json")
        #expect(plan.status == 0)
        try CLIRunner.expectValid(plan.output, schema: "plan-import")

        let ingest = try cli.run("ingest", Fixtures.url("docs/integrity_index_2022_summary.pdf").path,
                                 Fixtures.url("bad/empty_report.pdf").path, "--commitment", "C5", "--json")
        #expect(ingest.status == 1)
        #expect(ingest.lines.count == 2)
        for line in ingest.lines { try CLIRunner.expectValid(line, schema: "ingest-result") }
        let hash = try #require(JSONValue.parse(Data(ingest.lines[0].utf8))["sha256"]?.string)

        let duplicate = try cli.run("ingest", Fixtures.url("docs/integrity_index_2022_summary.pdf").path, "--json")
        #expect(duplicate.status == 0)
        #expect(try JSONValue.parse(Data(duplicate.output.utf8))["status"]?.string == "duplicate")
        try CLIRunner.expectValid(duplicate.lines[0], schema: "ingest-result")

        let search = try cli.run("search", "النزاهة", "--commitment", "C5", "--json")
        #expect(search.status == 0)
        try CLIRunner.expectValid(search.output, schema: "search-response")
        #expect(try JSONValue.parse(Data(search.output.utf8))["total"]?.number == 1)

        let show = try cli.run("show", hash, "--text", "--json")
        #expect(show.status == 0)
        try CLIRunner.expectValid(show.output, schema: "document")
        #expect(try JSONValue.parse(Data(show.output.utf8))["text"]?.string?.contains("سيادة القانون") == true)

        let listing = try cli.run("listing", "--audience", "public", "--format", "json")
        try CLIRunner.expectValid(listing.output, schema: "listing")

        let planShow = try cli.run("plan", "show", "--json")
        try CLIRunner.expectValid(planShow.output, schema: "plan")

        let seed = try cli.run("seed", "--json")
        #expect(seed.lines.count == 3)
        for line in seed.lines { try CLIRunner.expectValid(line, schema: "ingest-result") }

        let reextract = try cli.run("reextract", "--all", "--json")
        #expect(reextract.status == 0)
        #expect(reextract.lines.count == 4)
        for line in reextract.lines { try CLIRunner.expectValid(line, schema: "ingest-result") }
        #expect(try cli.run("reextract").output.contains("0 read again"))

        let verify = try cli.run("verify", "--json")
        #expect(verify.status == 0)
        try CLIRunner.expectValid(verify.output, schema: "verify")

        let failure = try cli.run("search", "(", "--json")
        #expect(failure.status == 2)
        try CLIRunner.expectValid(failure.output, schema: "error")
    }

    @Test func bundledPlansValidateAgainstThePlanSchema() throws {
        try CLIRunner.expectValid(try String(contentsOf: Fixtures.planFile, encoding: .utf8), schema: "plan")
        let bundled = CLIRunner.executable.deletingLastPathComponent()
            .appendingPathComponent("Bayyina_bayyina.resources/Resources/plans/jordan-nap5-2021-2025.json")
        try CLIRunner.expectValid(try String(contentsOf: bundled, encoding: .utf8), schema: "plan")
    }

    @Test func usageErrorsExitWithTwo() throws {
        let cli = try CLIRunner()
        _ = try cli.run("plan", "import", Fixtures.planFile.path)
        let file = Fixtures.url("docs/karak_hearing_notes.txt").path
        #expect(try cli.run("ingest", file, "--commitment", "C9").status == 2)
        #expect(try cli.run("ingest", file, "--milestone", "C2.M99").status == 2)
        #expect(try cli.run("ingest", file, "--classification", "secret").status == 2)
        #expect(try cli.run("search", "*").status == 2)
        #expect(try cli.run("search", "x", "--limit", "0").status == 2)
        #expect(try cli.run("show", "not-a-hash").status == 2)
        #expect(try cli.run("no-such-command").status == 2)
        #expect(try cli.run("ingest", "/no/such/file.pdf").status == 2)
        #expect(try cli.run("ingest", Fixtures.url("docs").path, "--name", "x.txt").status == 2)
        #expect(try cli.run("listing").status == 0)
    }

    @Test func protectedPDFNeedsItsPasswordWhichIsNeverStored() throws {
        let cli = try CLIRunner()
        let file = Fixtures.url("bad/irm_draft_encrypted.pdf").path
        let refused = try cli.run("ingest", file, "--json")
        #expect(refused.status == 1)
        #expect(try JSONValue.parse(Data(refused.output.utf8))["error"]?["code"]?.string == "encrypted_document")
        let opened = try cli.run("ingest", file, "--password", "ogp-2023", "--json")
        #expect(opened.status == 0)
        #expect(try JSONValue.parse(Data(opened.output.utf8))["title"]?.string == "Draft Input to the IRM Review")
        let database = try Data(contentsOf: cli.store.appendingPathComponent("bayyina.sqlite"))
        #expect(database.range(of: Data("ogp-2023".utf8)) == nil)
    }

    @Test func planErrorsNameTheJSONPath() throws {
        let cli = try CLIRunner()
        let bad = try cli.folder.file("plan.json", contents: Data(#"{"id":"P","commitments":[{"id":"C1","title_en":"x","milestones":[{"id":"C1.M1","status":"finished"}]}]}"#.utf8))
        let result = try cli.run("plan", "import", bad.path)
        #expect(result.status == 2)
        #expect(result.error.contains("$.commitments[0].milestones[0].status"))
    }

    @Test func restrictedDocumentsNeverReachPublicOutput() throws {
        let cli = try CLIRunner()
        _ = try cli.run("plan", "import", Fixtures.planFile.path)
        let ingest = try cli.run("ingest", Fixtures.url("docs/invitation_msf_meeting_2023-10-15.eml").path,
                                 "--classification", "restricted", "--legal-basis", "personal data", "--json")
        let hash = try #require(JSONValue.parse(Data(ingest.output.utf8))["sha256"]?.string)
        let search = try cli.run("search", "العاشرة", "--audience", "public", "--json")
        #expect(try JSONValue.parse(Data(search.output.utf8))["total"]?.number == 0)
        #expect(try cli.run("search", "العاشرة", "--json").output.contains(hash))
        for format in ["json", "csv", "table"] {
            let listing = try cli.run("listing", "--audience", "public", "--format", format)
            #expect(!listing.output.contains(hash) && !listing.output.contains(hash.prefix(12)))
            #expect(!listing.output.contains("دعوة لحضور"))
        }
        #expect(try cli.run("show", hash, "--audience", "public").status == 2)
    }

    @Test func folderIngestIsRecursiveAndKeepsTheRelativeFolder() throws {
        let cli = try CLIRunner()
        let tree = cli.folder.url.appendingPathComponent("evidence")
        _ = try cli.folder.copy("docs/karak_hearing_notes.txt", as: "evidence/2023/karak/notes.txt")
        _ = try cli.folder.copy("docs/capital_projects_2023.csv", as: "evidence/projects.csv")
        let result = try cli.run("ingest", tree.path, "--json")
        #expect(result.status == 0)
        #expect(result.lines.count == 2)
        let hash = try #require(result.lines.compactMap { try? JSONValue.parse(Data($0.utf8)) }
            .first { $0["path"]?.string?.hasSuffix("notes.txt") == true }?["sha256"]?.string)
        let show = try JSONValue.parse(Data(try cli.run("show", hash, "--json").output.utf8))
        #expect(show["folders"]?.array?.first?.string == "2023/karak")
    }

    @Test func humanOutputIsAnAlignedTable() throws {
        let cli = try CLIRunner()
        _ = try cli.run("ingest", Fixtures.url("docs/karak_hearing_notes.txt").path, Fixtures.url("docs/capital_projects_2023.csv").path)
        let listing = try cli.run("listing")
        let lines = listing.lines
        #expect(lines.first?.hasPrefix("REFERENCE") == true)
        let titleColumn = try #require(lines.first?.range(of: "TITLE")?.lowerBound.utf16Offset(in: lines[0]))
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.count > titleColumn && $0[$0.index($0.startIndex, offsetBy: titleColumn - 1)] == " " })
        #expect(lines.last == "2 documents")
    }

    @Test func linkAndUnlinkChangeTheDocumentsLinks() throws {
        let cli = try CLIRunner()
        _ = try cli.run("plan", "import", Fixtures.planFile.path)
        let ingest = try cli.run("ingest", Fixtures.url("docs/karak_hearing_notes.txt").path, "--json")
        let hash = try #require(JSONValue.parse(Data(ingest.output.utf8))["sha256"]?.string)
        let linked = try cli.run("link", hash, "--milestone", "C6.M1", "--json")
        #expect(linked.status == 0)
        try CLIRunner.expectValid(linked.output, schema: "document")
        #expect(try JSONValue.parse(Data(linked.output.utf8))["commitments"]?.array == [.string("C6")])
        let unlinked = try cli.run("unlink", hash, "--commitment", "C6", "--json")
        #expect(try JSONValue.parse(Data(unlinked.output.utf8))["milestones"]?.array == [])
        #expect(try cli.run("link", hash, "--commitment", "C42").status == 2)
    }
}

/// The CLI speaks Arabic when asked to, in messages and tables alike.
@Suite struct ArabicCLITests {
    @Test func arabicTablesAndMessages() throws {
        let cli = try CLIRunner()
        _ = try cli.run("plan", "import", Fixtures.planFile.path)
        let ingest = try cli.run("ingest", Fixtures.url("docs/karak_hearing_notes.txt").path, Fixtures.url("bad/empty_report.pdf").path, "--lang", "ar")
        #expect(ingest.status == 1)
        #expect(ingest.output.contains("أُدخلت"))
        #expect(ingest.output.contains("مرفوضة"))
        #expect(ingest.output.contains("الملف فارغ"))
        let listing = try cli.run("listing", "--lang", "ar")
        #expect(listing.lines.first?.contains("العنوان") == true)
        let failure = try cli.run("search", "*", "--lang", "ar")
        #expect(failure.status == 2)
        #expect(failure.error.contains("لا يمكن البحث"))
        let json = try cli.run("ingest", "--commitment", "C99", Fixtures.url("docs/karak_hearing_notes.txt").path, "--json")
        try CLIRunner.expectValid(json.output, schema: "error")
        #expect(json.output.contains("C99"))
    }
}

/// Scans without OCR installed are kept and read later; pages and their matches are reported.
@Suite struct ScannedEvidenceCLITests {
    /// A PATH with poppler's page renderer but without tesseract (helpers start through /bin/sh, named by its path).
    static func pathWithoutTesseract(in folder: TemporaryDirectory) throws -> String {
        let bin = folder.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let renderer = ["/usr/bin", "/bin"].map { "\($0)/pdftoppm" }.first { FileManager.default.fileExists(atPath: $0) }
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("pdftoppm").path, withDestinationPath: try #require(renderer))
        return bin.path
    }

    @Test func scanWithoutOCRIsMarkedAndReadLaterByReextractOCR() throws {
        let cli = try CLIRunner()
        let path = try Self.pathWithoutTesseract(in: cli.folder)
        let ingest = try cli.run(["ingest", Fixtures.url("generated/scanned_arabic.pdf").path, "--json"], environment: ["PATH": path])
        #expect(ingest.status == 0)
        let line = try JSONValue.parse(Data(ingest.output.utf8))
        #expect(line["warningCodes"]?.array == [.string("ocr_unavailable")])
        #expect(line["warnings"]?.array?.first?.string?.contains("not installed") == true)
        let hash = try #require(line["sha256"]?.string)
        let before = try JSONValue.parse(Data(try cli.run("show", hash, "--pages", "--json").output.utf8))
        #expect(before["pageList"]?.array?.first?["source"]?.string == "ocr_pending")

        let later = try cli.run("reextract", "--ocr", "--json")
        #expect(later.status == 0)
        #expect(later.lines.count == 1)
        let after = try cli.run("show", hash, "--pages", "--text", "--json")
        try CLIRunner.expectValid(after.output, schema: "document")
        let document = try JSONValue.parse(Data(after.output.utf8))
        #expect(document["pageList"]?.array?.first?["source"]?.string == "ocr")
        #expect(document["text"]?.string?.contains("الالتزام الثاني") == true)
        #expect(try cli.run("reextract", "--ocr").output.contains("0 read again"))
    }

    @Test func searchResultsNameThePagesTheyMatchOn() throws {
        let cli = try CLIRunner()
        _ = try cli.run("ingest", Fixtures.url("generated/mixed_pages.pdf").path)
        let search = try cli.run("search", "الأعضاء", "--json")
        try CLIRunner.expectValid(search.output, schema: "search-response")
        let result = try #require(JSONValue.parse(Data(search.output.utf8))["results"]?.array?.first)
        #expect(result["pages"]?.array == [.number(2)])
        #expect(result["snippetPage"]?.number == 2)
        let english = try JSONValue.parse(Data(try cli.run("search", "Quarterly", "--json").output.utf8))
        #expect(english["results"]?.array?.first?["pages"]?.array == [.number(1)])
    }
}

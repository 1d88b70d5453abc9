import BayyinaTestSupport
import Foundation
import Testing

/// `classify`, `scheme`, `describe`, `listing`, `report completeness` and `export bag` through the built executable.
@Suite struct RegisterCommandTests {
    static let now = ["BAYYINA_NOW": "2025-06-30T09:00:00Z", "BAYYINA_BASE_URL": "https://evidence.example.jo"]

    /// A store with the plan, a public Arabic minutes file (C2.M1) and a restricted e-mail (C5); returns both hashes.
    static func store() throws -> (CLIRunner, open: String, hidden: String) {
        let cli = try CLIRunner()
        _ = try cli.run(["plan", "import", Fixtures.planFile.path], environment: now)
        let open = try cli.run(["ingest", Fixtures.url("docs/محضر اجتماع اللجنة الفنية للالتزام الثاني.docx").path, "--milestone", "C2.M1", "--json"],
                               environment: now)
        let hidden = try cli.run(["ingest", Fixtures.url("docs/invitation_msf_meeting_2023-10-15.eml").path, "--commitment", "C5",
                                  "--classification", "restricted", "--legal-basis", "personal data", "--json"], environment: now)
        return (cli, try #require(JSONValue.parse(Data(open.output.utf8))["sha256"]?.string),
                try #require(JSONValue.parse(Data(hidden.output.utf8))["sha256"]?.string))
    }

    @Test func classifyAppendsDecisionsAndRefusesUnlawfulOnes() throws {
        let (cli, open, _) = try Self.store()
        let refused = try cli.run(["classify", open, "--level", "secret", "--access", "public"], environment: Self.now)
        #expect(refused.status == 2 && refused.error.contains("cannot be released whole"))
        let noBasis = try cli.run(["classify", open, "--access", "withheld", "--lang", "ar"], environment: Self.now)
        #expect(noBasis.status == 2 && noBasis.error.contains("سنده القانوني"))
        let done = try cli.run(["classify", open, "--level", "restricted", "--access", "partial", "--legal-basis", "ATI Law art. 13(b)",
                                "--review-date", "2026-01-31", "--by", "reviewer", "--json"], environment: Self.now)
        #expect(done.status == 0)
        try CLIRunner.expectValid(done.output, schema: "classification")
        let record = try JSONValue.parse(Data(done.output.utf8))
        #expect(record["history"]?.array?.count == 2)
        #expect(record["current"]?["access"]?.string == "partial" && record["current"]?["decidedAt"]?.string == "2025-06-30T09:00:00Z")
        let listing = try cli.run(["listing", "--format", "json"], environment: Self.now)
        #expect(listing.output.contains("ATI Law art. 13(b)"))
        let withdrawn = try cli.run(["classify", open, "--withdraw", "--json"], environment: Self.now)
        #expect(try JSONValue.parse(Data(withdrawn.output.utf8))["current"]?["withdrawn"]?.bool == true)
        #expect(try cli.run("search", "اللجنة الفنية", "--audience", "public", "--json").output.contains("\"total\":0"))
        #expect(try cli.run(["classify", String(repeating: "0", count: 64)], environment: Self.now).status == 2)
    }

    @Test func schemeAndDescriptionsAreEditableAndPrintedAsTheirSchemasSay() throws {
        let (cli, open, _) = try Self.store()
        let shown = try cli.run("scheme", "--json")
        try CLIRunner.expectValid(shown.output, schema: "classification-scheme")
        let file = try cli.folder.file("scheme.json", contents: Data("""
            [{"code":"public","nameAr":"عام","nameEn":"Public","rank":0,"publishable":true},
             {"code":"restricted","nameAr":"محدود","nameEn":"Restricted","rank":1,"publishable":false},
             {"code":"personal","nameAr":"بيانات شخصية","nameEn":"Personal data","rank":2,"publishable":false}]
            """.utf8))
        #expect(try cli.run("scheme", "--import", file.path).output.contains("بيانات شخصية"))
        #expect(try cli.run("scheme", "--import", cli.folder.file("bad.json", contents: Data("{}".utf8)).path).status == 2)
        let described = try cli.run(["describe", open, "--title-en", "Minutes of the technical committee", "--type", "minutes", "--json"],
                                    environment: Self.now)
        try CLIRunner.expectValid(described.output, schema: "document-description")
        #expect(try cli.run("describe", open, "--date", "2023-02-30").status == 2)
        let listing = try cli.run(["listing", "--format", "csv"], environment: Self.now)
        #expect(listing.output.contains("Minutes of the technical committee"))
    }

    @Test func listingFormatsAndFiltersAndAFileOutput() throws {
        let (cli, open, hidden) = try Self.store()
        let json = try cli.run(["listing", "--format", "json", "--commitment", "C2"], environment: Self.now)
        try CLIRunner.expectValid(json.output, schema: "listing")
        #expect(json.output.contains(open) && json.output.contains("\"generatedAt\":\"2025-06-30T09:00:00Z\""))
        #expect(try cli.run(["listing", "--format", "json", "--commitment", "C5", "--audience", "internal"], environment: Self.now).output.contains(hidden))
        #expect(!(try cli.run(["listing", "--format", "json", "--type", "press_release"], environment: Self.now).output.contains(open)))
        let output = cli.folder.url.appendingPathComponent("register.html").path
        #expect(try cli.run(["listing", "--format", "html", "--output", output], environment: Self.now).output.isEmpty)
        let page = try String(contentsOfFile: output, encoding: .utf8)
        #expect(page.contains("dir=\"rtl\"") && page.contains("@media print") && !page.contains(hidden))
        let jsonld = try cli.run(["listing", "--format", "jsonld"], environment: Self.now)
        #expect(try JSONValue.parse(Data(jsonld.output.utf8))["@type"]?.string == "dcat:Catalog")
        #expect(try cli.run("listing", "--from", "2023-13-01").status == 2)
        #expect(try cli.run("listing", "--commitment", "C99", "--format", "json").output.contains("\"total\":0"))
    }

    @Test func completenessReportIsDeterministicAndPublicCountsHideRestrictedEvidence() throws {
        let (cli, _, _) = try Self.store()
        let first = try cli.run(["report", "completeness", "--format", "json"], environment: Self.now)
        try CLIRunner.expectValid(first.output, schema: "completeness-report")
        #expect(first.output == (try cli.run(["report", "completeness", "--format", "json"], environment: Self.now)).output)
        let report = try JSONValue.parse(Data(first.output.utf8))
        #expect(report["asOf"]?.string == "2025-06-30")
        let c5 = report["commitments"]?.array?.first { $0["id"]?.string == "C5" }
        #expect(c5?["evidenceCount"]?.number == 0)
        let staffReport = try cli.run(["report", "completeness", "--format", "json", "--audience", "internal"], environment: Self.now)
        let staffC5 = try JSONValue.parse(Data(staffReport.output.utf8))["commitments"]?.array?.first { $0["id"]?.string == "C5" }
        #expect(staffC5?["evidenceCount"]?.number == 1)
        let table = try cli.run(["report", "completeness", "--as-of", "2022-01-01", "--lang", "ar"], environment: Self.now)
        #expect(table.status == 0 && table.output.contains("لا تتوفر أدلة"))
        #expect(try cli.run("report", "completeness", "--as-of", "yesterday").status == 2)
    }

    @Test func exportBagWritesAValidatedPackAndRefusesAFullFolder() throws {
        let (cli, _, hidden) = try Self.store()
        let out = cli.folder.url.appendingPathComponent("pack").path
        let result = try cli.run(["export", "bag", "--out", out, "--organization", "وحدة الحكومة المنفتحة", "--json"], environment: Self.now)
        #expect(result.status == 0)
        try CLIRunner.expectValid(result.output, schema: "evidence-pack")
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == ["bag-info.txt", "bagit.txt", "data", "index.html", "listing.csv", "listing.json", "manifest-sha256.txt",
                          "tagmanifest-sha256.txt"])
        #expect(!(try String(contentsOfFile: out + "/manifest-sha256.txt", encoding: .utf8)).contains(hidden))
        let again = try cli.run(["export", "bag", "--out", out], environment: Self.now)
        #expect(again.status == 2 && again.error.contains("not empty"))
        #expect(try cli.run("export", "bag", "--out", out + "2", "--commitment", "C9").status == 2)
    }
}

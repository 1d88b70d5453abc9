import BayyinaTestSupport
import Foundation
import Testing

/// `bayyina suggestions` and `show --versions`: the review queue from the command line.
@Suite struct SuggestionCommandTests {
    @Test func theQueueIsListedAcceptedAndRejectedInSchemaShapedJSON() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("plan", "import", Fixtures.planFile.path).status == 0)
        let ingest = try cli.run("ingest", Fixtures.url("docs/npo_risk_assessment_summary.md").path, "--json")
        let hash = try #require(JSONValue.parse(Data(ingest.lines[0].utf8))["sha256"]?.string)

        let list = try cli.run("suggestions", "--min-confidence", "0.5", "--json")
        #expect(list.status == 0)
        try CLIRunner.expectValid(list.output, schema: "suggestions")
        let items = try #require(JSONValue.parse(Data(list.output.utf8))["suggestions"]?.array)
        let milestone = try #require(items.first { $0["target"]?.string == "C1.M1" })
        let commitment = try #require(items.first { $0["target"]?.string == "C1" })
        #expect(milestone["sha256"]?.string == hash)
        #expect((milestone["confidence"]?.number ?? 0) > 0.9)

        let accepted = try cli.run("suggestions", "accept", try #require(milestone["id"]?.string), "--by", "reviewer-amal", "--json")
        #expect(accepted.status == 0)
        try CLIRunner.expectValid(accepted.output, schema: "suggestions")
        #expect(try JSONValue.parse(Data(accepted.output.utf8))["suggestions"]?.array?.first?["decidedBy"]?.string == "reviewer-amal")
        let shown = try JSONValue.parse(Data(try cli.run("show", hash, "--json").output.utf8))
        #expect(shown["milestones"]?.array?.compactMap(\.string) == ["C1.M1"])

        // Accepting the milestone linked its commitment too, so that suggestion left the list; a decision is made once.
        #expect(try JSONValue.parse(Data(try cli.run("suggestions", "--json").output.utf8))["suggestions"]?.array?
            .contains { $0["sha256"]?.string == hash && $0["target"]?.string == "C1" } == false)
        let again = try cli.run("suggestions", "reject", try #require(commitment["id"]?.string), "--json")
        #expect(again.status == 0)
        let twice = try cli.run("suggestions", "reject", try #require(commitment["id"]?.string), "--json")
        #expect(twice.status == 2)
        try CLIRunner.expectValid(twice.output, schema: "error")
        #expect(try cli.run("suggestions", "accept", "999999").status == 2)

        #expect(try cli.run("ingest", Fixtures.url("docs/gender_gap_analysis_summary.odt").path).status == 0)
        let arabic = try cli.run("suggestions", "--lang", "ar")
        #expect(arabic.status == 0)
        #expect(arabic.output.contains("الثقة") && arabic.output.contains("C3.M1") && arabic.output.contains("يذكر"))
        #expect(arabic.output.contains("مفتوح") && !arabic.output.contains(" open "))
    }

    @Test func showVersionsListsTheOtherFormatsOfTheSeedMinutes() throws {
        let cli = try CLIRunner()
        let seed = try cli.run("seed", "--json")
        let hashes = try seed.lines.map { try #require(JSONValue.parse(Data($0.utf8))["sha256"]?.string) }
        let show = try cli.run("show", hashes[0], "--versions", "--json")
        #expect(show.status == 0)
        try CLIRunner.expectValid(show.output, schema: "document")
        let versions = try #require(JSONValue.parse(Data(show.output.utf8))["versions"]?.array)
        #expect(Set(versions.compactMap { $0["sha256"]?.string }) == Set(hashes.dropFirst()))
        let collapsed = try cli.run("search", "فريق العمل الوطني", "--collapse-versions", "--json")
        #expect(try JSONValue.parse(Data(collapsed.output.utf8))["total"]?.number == 1)
    }
}

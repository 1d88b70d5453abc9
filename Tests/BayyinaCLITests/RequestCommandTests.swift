import BayyinaTestSupport
import Foundation
import Testing

/// `request` and `disclosure-log` through the built executable, on a stopped clock.
@Suite struct RequestCommandTests {
    static let june = ["BAYYINA_NOW": "2025-06-01T10:00:00Z"]
    static let july = ["BAYYINA_NOW": "2025-07-01T10:00:00Z"]

    static func store() throws -> CLIRunner {
        let cli = try CLIRunner()
        let holidays = try cli.folder.file("holidays.json", contents: Data("""
            {"holidays": [{"day": "2025-05-25", "nameAr": "عيد الاستقلال", "nameEn": "Independence Day"},
                          {"day": "2025-06-05", "nameAr": "يوم عرفة", "nameEn": "Arafat Day"},
                          {"day": "2025-06-08", "nameAr": "عيد الأضحى", "nameEn": "Eid al-Adha"},
                          {"day": "2025-06-09", "nameAr": "عيد الأضحى", "nameEn": "Eid al-Adha"}]}
            """.utf8))
        let imported = try cli.run("request", "holidays", "--import", holidays.path, "--json")
        try CLIRunner.expectValid(imported.output, schema: "holidays")
        return cli
    }

    @Test func newPrintsTheReferenceTheDueDateAndTheStatus() throws {
        let cli = try Self.store()
        let filed = try cli.run(["request", "new", "--received", "2025-05-22", "--subject", "محاضر المنتدى", "--applicant", "سارة",
                                 "--channel", "electronic", "--contact", "sara@example.jo", "--json"], environment: Self.june)
        #expect(filed.status == 0)
        try CLIRunner.expectValid(filed.output, schema: "access-request")
        let request = try JSONValue.parse(Data(filed.output.utf8))
        #expect(request["reference"]?.string == "ATI-2025-0001" && request["received"]?.string == "2025-05-22")
        #expect(request["due"]?.string == "2025-06-18" && request["status"]?.string == "open" && request["workingDaysLeft"]?.number == 10)
        let notice = try cli.run(["request", "show", "ATI-2025-0001", "--notice", "--lang", "ar"], environment: Self.june)
        #expect(notice.output.hasPrefix("إشعار استلام طلب حصول على معلومات") && notice.output.contains("2025-06-18"))
        #expect(try cli.run("request", "new", "--subject", " ", "--applicant", "x").status == 2)
        #expect(try cli.run("request", "new", "--subject", "x", "--applicant", "x", "--received", "2025-02-30").status == 2)
    }

    @Test func overdueRequestsAreFlaggedAndListedFirst() throws {
        let cli = try Self.store()
        for received in ["2025-06-20", "2025-05-22"] {
            _ = try cli.run(["request", "new", "--received", received, "--subject", "s", "--applicant", "a"], environment: Self.june)
        }
        let list = try cli.run(["request", "list", "--overdue", "--json"], environment: Self.july)
        try CLIRunner.expectValid(list.output, schema: "access-request-list")
        let requests = try #require(try JSONValue.parse(Data(list.output.utf8))["requests"]?.array)
        #expect(requests.map { $0["reference"]?.string } == ["ATI-2025-0002"])
        #expect(requests.first?["flags"]?.array?.compactMap(\.string) == ["overdue", "deemed_refused"])
        #expect(requests.first?["status"]?.string == "deemed_refused" && requests.first?["workingDaysLeft"]?.number == -9)
        let table = try cli.run(["request", "list"], environment: Self.july)
        #expect(table.lines.dropFirst().first?.hasPrefix("ATI-2025-0002") == true)
    }

    @Test func extensionDecisionAndReviewAreRecordedWithTheirRules() throws {
        let cli = try Self.store()
        _ = try cli.run(["request", "new", "--received", "2025-05-22", "--subject", "s", "--applicant", "a"], environment: Self.june)
        let assigned = try cli.run(["request", "assign", "ATI-2025-0001", "--officer", "Information officer", "--json"], environment: Self.june)
        #expect(try JSONValue.parse(Data(assigned.output.utf8))["officer"]?.string == "Information officer")
        #expect(try cli.run(["request", "extend", "ATI-2025-0001", "--days", "11", "--reason", "r"], environment: Self.june).status == 2)
        let extended = try cli.run(["request", "extend", "ATI-2025-0001", "--days", "10", "--reason", "consultation", "--json"], environment: Self.june)
        #expect(try JSONValue.parse(Data(extended.output.utf8))["due"]?.string == "2025-07-02")
        let noGround = try cli.run(["request", "decide", "ATI-2025-0001", "--decision", "refused"], environment: Self.june)
        #expect(noGround.status == 2 && noGround.error.contains("legal ground"))
        #expect(try cli.run(["request", "decide", "ATI-2025-0001", "--decision", "granted", "--document", String(repeating: "a", count: 64)],
                            environment: Self.june).status == 2)
        let decided = try cli.run(["request", "decide", "ATI-2025-0001", "--decision", "refused", "--ground", "ATI Law art. 13(e)",
                                   "--on", "2025-06-20", "--fee", "0.750", "--json"], environment: Self.june)
        let request = try JSONValue.parse(Data(decided.output.utf8))
        #expect(request["status"]?.string == "refused" && request["feeFils"]?.number == 750)
        let review = try cli.run(["request", "review", "ATI-2025-0001", "--kind", "complaint", "--filed", "2025-06-25", "--json"], environment: Self.june)
        try CLIRunner.expectValid(review.output, schema: "access-request")
        #expect(try JSONValue.parse(Data(review.output.utf8))["history"]?.array?.compactMap { $0["kind"]?.string }
                == ["filed", "acknowledged", "assigned", "extended", "decided", "complaint"])
        let log = try cli.run(["disclosure-log", "--format", "json"], environment: Self.july)
        try CLIRunner.expectValid(log.output, schema: "disclosure-log")
        #expect(try JSONValue.parse(Data(log.output.utf8))["entries"]?.array?.count == 1)
        #expect(!log.output.contains("\"a\""))
    }

    @Test func backupAndRestoreKeepTheRegister() throws {
        let cli = try Self.store()
        _ = try cli.run(["request", "new", "--received", "2025-05-22", "--subject", "s", "--applicant", "a"], environment: Self.june)
        _ = try cli.run("ingest", Fixtures.url("docs/karak_hearing_notes.txt").path)
        let backup = cli.folder.url.appendingPathComponent("backup").path
        let written = try cli.run(["backup", "--out", backup, "--json"], environment: Self.june)
        try CLIRunner.expectValid(written.output, schema: "backup")
        let restoredStore = cli.folder.url.appendingPathComponent("restored").path
        let restored = try cli.run(["restore", "--from", backup, "--store", restoredStore, "--json"], environment: Self.june)
        #expect(restored.status == 0)
        try CLIRunner.expectValid(restored.output, schema: "backup")
        let list = try cli.run(["request", "list", "--store", restoredStore, "--json"], environment: Self.june)
        #expect(list.output.contains("ATI-2025-0001"))
        #expect(try cli.run("restore", "--from", backup, "--store", restoredStore).status == 2)
        let audit = try cli.run("audit", "--store", restoredStore, "--json")
        #expect(audit.status == 0)
        try CLIRunner.expectValid(audit.output, schema: "audit")
        #expect(try JSONValue.parse(Data(audit.output.utf8))["events"]?.array?.compactMap { $0["action"]?.string }
                == ["holidays-import", "request-filed", "request-acknowledged", "ingest"])
    }

    @Test func rulesAreDataWithAnEffectiveDate() throws {
        let cli = try Self.store()
        let rules = try cli.folder.file("rules.json", contents: Data("""
            [{"id": "amended", "effectiveFrom": "2025-06-01", "answerWorkingDays": 10, "extensionMaxWorkingDays": 5, "extensionsAllowed": 1,
              "silenceIsRefusal": true, "workingWeekdays": [1, 2, 3, 4, 5], "source": "a later amendment"}]
            """.utf8))
        let shown = try cli.run("request", "rules", "--import", rules.path, "--json")
        try CLIRunner.expectValid(shown.output, schema: "deadline-rules")
        let old = try cli.run(["request", "new", "--received", "2025-05-29", "--subject", "s", "--applicant", "a", "--json"], environment: Self.june)
        let new = try cli.run(["request", "new", "--received", "2025-06-01", "--subject", "s", "--applicant", "a", "--json"], environment: Self.june)
        #expect(try JSONValue.parse(Data(old.output.utf8))["rules"]?["id"]?.string == "jo-ati-2024")
        #expect(try JSONValue.parse(Data(new.output.utf8))["rules"]?["id"]?.string == "amended")
        #expect(try JSONValue.parse(Data(new.output.utf8))["due"]?.string == "2025-06-18")
        let bad = try cli.folder.file("bad.json", contents: Data(#"[{"id": "x"}]"#.utf8))
        #expect(try cli.run("request", "rules", "--import", bad.path).status == 2)
    }
}

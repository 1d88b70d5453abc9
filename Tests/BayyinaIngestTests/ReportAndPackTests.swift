import BayyinaDigest
import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import BayyinaListings
import BayyinaSchemas
import BayyinaStorage
import BayyinaTestSupport
import Foundation
import Testing

@Suite struct ClassificationRecordTests {
    @Test func everyDecisionIsKeptAndTheNewestIsTheRecord() async throws {
        let fixture = try await RegisterFixture()
        let index = fixture.store.repository.index
        let history = try index.classificationHistory(fixture.partial)
        #expect(history.map(\.access) == [.public, .partial])
        #expect(history.map(\.decidedBy) == ["ingest", "reviewer"])
        #expect(try index.metadata(fixture.partial)?.classification == .public)
        try index.classify(fixture.partial, ClassificationDecision(
            level: "secret", access: .withheld, legalBasis: "ATI Law art. 13(a)", decidedBy: "admin", decidedAt: "2025-07-01T00:00:00Z"))
        #expect(try index.classificationHistory(fixture.partial).count == 3)
        #expect(try index.metadata(fixture.partial)?.classification == .restricted)
        #expect(try index.search(SearchRequest(query: try SearchQuery("Multi-Stakeholder"), audience: .public)).total == 0)
    }

    @Test func decisionsTheLawDoesNotAllowAreRefused() async throws {
        let fixture = try await RegisterFixture()
        let index = fixture.store.repository.index
        let cases = [
            ClassificationDecision(level: "secret", access: .public, decidedBy: "a", decidedAt: "2025-07-01T00:00:00Z"),
            ClassificationDecision(level: "restricted", access: .withheld, decidedBy: "a", decidedAt: "2025-07-01T00:00:00Z"),
            ClassificationDecision(level: "confidential", access: .withheld, legalBasis: "x", decidedBy: "a", decidedAt: "2025-07-01T00:00:00Z"),
            ClassificationDecision(level: "public", access: .public, decidedBy: "a", decidedAt: "2025-07-01T00:00:00Z", reviewDate: "2025-02-30"),
        ]
        for decision in cases {
            #expect(throws: BayyinaError.self) { try index.classify(fixture.agenda, decision) }
        }
        #expect(try index.classificationHistory(fixture.agenda).count == 1)
    }

    @Test func theSchemeIsConfigurableButLevelsInUseStay() async throws {
        let fixture = try await RegisterFixture()
        let index = fixture.store.repository.index
        #expect(try index.classificationLevels().map(\.nameAr) == ["عام", "محدود", "سري", "سري للغاية"])
        let scheme = [
            ClassificationLevel(code: "public", nameAr: "عام", nameEn: "Public", rank: 0, publishable: true),
            ClassificationLevel(code: "restricted", nameAr: "محدود التداول", nameEn: "Limited circulation", rank: 1, publishable: false),
            ClassificationLevel(code: "personal", nameAr: "بيانات شخصية", nameEn: "Personal data", rank: 2, publishable: false),
        ]
        try index.replaceClassificationScheme(scheme)
        #expect(try index.classificationLevels() == scheme)
        #expect(throws: BayyinaError.self) { try index.replaceClassificationScheme(Array(scheme.dropFirst())) }
        #expect(try index.classificationLevels() == scheme)
    }
}

@Suite struct CompletenessReportTests {
    @Test func flagsAndSuggestedLevelsFollowTheEvidenceOnTheDay() async throws {
        let fixture = try await RegisterFixture()
        var plan = try PlanFile.decode(try Data(contentsOf: Fixtures.planFile))
        plan.commitments[3].milestones[1].start = plan.commitments[3].milestones[0].start
        plan.commitments[3].milestones[1].end = plan.commitments[3].milestones[0].end
        try fixture.store.repository.index.importPlan(plan)
        let report = try CompletenessReport(index: fixture.store.repository.index, audience: .public, clock: RegisterFixture.clock)
        #expect(report.asOf.description == "2025-06-30")
        let c1 = try #require(report.commitments.first { $0.id == "C1" })
        let m1 = try #require(c1.milestones.first { $0.id == "C1.M1" })
        #expect(m1.evidenceCount == 1 && m1.suggested.level == .complete && m1.flags.isEmpty)
        let m2 = try #require(c1.milestones.first { $0.id == "C1.M2" })
        #expect(m2.suggested.level == .noEvidenceAvailable && m2.flags == [.completedWithoutEvidence])
        let m3 = try #require(c1.milestones.first { $0.id == "C1.M3" })
        #expect(m3.flags == [.pastEndNotCompleted] && m3.suggested.level == .noEvidenceAvailable)
        #expect(c1.suggested.level == .limited && !c1.suggested.reasonAr.isEmpty && !c1.suggested.reasonEn.isEmpty)
        #expect(c1.flags == [.noNewEvidenceInSixMonths])
        let c4 = try #require(report.commitments.first { $0.id == "C4" })
        #expect(c4.milestones.prefix(2).allSatisfy { $0.flags.contains(.identicalSiblingDates) })
        #expect(!c4.milestones[2].flags.contains(.identicalSiblingDates))
        let c3 = try #require(report.commitments.first { $0.id == "C3" })
        #expect(c3.evidenceCount == 0)
    }

    @Test func aRestrictedDocumentCountsOnlyInTheInternalReport() async throws {
        let fixture = try await RegisterFixture()
        let index = fixture.store.repository.index
        let publicC5 = try #require(try CompletenessReport(index: index, audience: .public, clock: RegisterFixture.clock).commitments.first { $0.id == "C5" })
        let internalC5 = try #require(try CompletenessReport(index: index, audience: .internal, clock: RegisterFixture.clock).commitments.first { $0.id == "C5" })
        #expect(publicC5.evidenceCount == 0 && publicC5.latestEvidenceDate == nil)
        #expect(internalC5.evidenceCount == 1)
        let publicReport = try CompletenessReport(index: index, audience: .public, clock: RegisterFixture.clock)
        for text in [try publicReport.html(), publicReport.csv(), String(decoding: try publicReport.json(), as: UTF8.self)] {
            #expect(!text.contains(fixture.restricted.hex))
        }
    }

    @Test func evidenceDatedAfterTheDayDoesNotCount() async throws {
        let fixture = try await RegisterFixture()
        let report = try CompletenessReport(index: fixture.store.repository.index, audience: .public, asOf: CalendarDate("2023-01-01"),
                                            clock: RegisterFixture.clock)
        let c2 = try #require(report.commitments.first { $0.id == "C2" })
        #expect(c2.evidenceCount == 0 && c2.milestones[0].flags.contains(.completedWithoutEvidence))
    }

    @Test func reportJSONFollowsItsSchema() async throws {
        let fixture = try await RegisterFixture()
        let validator = try JSONSchemaValidator(schema: try SchemaFiles.jsonSchema(named: "completeness-report"))
        for audience in Audience.allCases {
            let report = try CompletenessReport(index: fixture.store.repository.index, audience: audience, clock: RegisterFixture.clock)
            #expect(try validator.violations(of: try report.json()).isEmpty)
        }
    }
}

@Suite struct EvidencePackTests {
    @Test func publicBagHoldsEveryObtainableOriginalAndNothingRestricted() async throws {
        let fixture = try await RegisterFixture()
        let out = fixture.store.folder.url.appendingPathComponent("pack")
        let summary = try EvidencePack(listing: try fixture.listing(.public), organization: "Open Government Unit")
            .write(to: out, original: fixture.store.repository.blobs.url(for:), clock: RegisterFixture.clock)
        #expect(summary.documents == 3 && summary.listed == 4)
        let payload = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("data").path).sorted()
        #expect(payload == ["BY-000001 محضر اجتماع اللجنة الفنية للالتزام الثاني.docx", "BY-000002 compliance_officers_training_agenda.docx",
                            "BY-000004 msf_meeting_minutes_2022-03-20_en.pdf"])
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8)
        for line in manifest.split(separator: "\n") {
            let parts = line.components(separatedBy: "  ")
            let bytes = try Data(contentsOf: out.appendingPathComponent(parts[1]))
            #expect(SHA256Hasher.hash([UInt8](bytes)).hex == parts[0])
        }
        let info = try String(contentsOf: out.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        #expect(info.contains("Source-Organization: Open Government Unit\n") && info.contains("Bagging-Date: 2025-06-30\n"))
        #expect(info.contains("Payload-Oxum: \(summary.payloadBytes).3\n"))
        let tags = try String(contentsOf: out.appendingPathComponent("tagmanifest-sha256.txt"), encoding: .utf8)
        for name in ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "listing.csv", "listing.json", "index.html"] {
            #expect(tags.contains("  \(name)\n"))
        }
        let everything = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0 != "data" }
            .map { try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8) }.joined()
        #expect(!everything.contains(fixture.restricted.hex) && !everything.contains(RegisterFixture.restrictedTitleWords))
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"data/BY-000004 msf_meeting_minutes_2022-03-20_en.pdf\""))
    }

    @Test func internalBagOfACommitmentHoldsItsRestrictedDocuments() async throws {
        let fixture = try await RegisterFixture()
        let out = fixture.store.folder.url.appendingPathComponent("c5")
        let summary = try EvidencePack(listing: try fixture.listing(.internal, ListingFilter(commitment: CommitmentID("C5"))), organization: "Unit")
            .write(to: out, original: fixture.store.repository.blobs.url(for:), clock: RegisterFixture.clock)
        #expect(summary.documents == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("data").path) == ["BY-000003 karak_hearing_notes.txt"])
    }

    @Test func aFailedPackLeavesNothingBehindAndAFullFolderIsRefused() async throws {
        let fixture = try await RegisterFixture()
        let parent = fixture.store.folder.url.appendingPathComponent("packs")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let pack = EvidencePack(listing: try fixture.listing(.public), organization: "Unit")
        try FileManager.default.removeItem(at: fixture.store.repository.blobs.url(for: fixture.agenda))
        #expect(throws: BayyinaError.self) {
            try pack.write(to: parent.appendingPathComponent("bag"), original: fixture.store.repository.blobs.url(for:))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
        let full = parent.appendingPathComponent("full")
        try FileManager.default.createDirectory(at: full, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: full.appendingPathComponent("notes.txt"))
        #expect(throws: BayyinaError.self) { try pack.write(to: full, original: fixture.store.repository.blobs.url(for:)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: full.path) == ["notes.txt"])
    }
}

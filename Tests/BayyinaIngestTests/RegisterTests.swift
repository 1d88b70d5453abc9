import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import BayyinaListings
import BayyinaSchemas
import BayyinaStorage
import BayyinaTestSupport
import Foundation
import Testing

/// A register of five real documents on a stopped clock: public Arabic minutes (C2.M1), a public English agenda
/// (C1.M1), restricted hearing notes (C5), English minutes released in part (C6.M1) and a withdrawn CSV (C3).
struct RegisterFixture {
    static let clock = FixedClock(Date(timeIntervalSince1970: 1_751_274_000))  // 2025-06-30T09:00:00Z
    static let restrictedTitleWords = "karak_hearing_notes"

    let store: TestStore
    let arabicMinutes: ContentHash
    let agenda: ContentHash
    let restricted: ContentHash
    let partial: ContentHash
    let withdrawn: ContentHash

    init() async throws {
        store = try TestStore(clock: Self.clock)
        let index = store.repository.index
        func hash(_ outcome: IngestOutcome) throws -> ContentHash { try #require(outcome.sha256) }
        arabicMinutes = try hash(await store.ingest("docs/محضر اجتماع اللجنة الفنية للالتزام الثاني.docx", milestones: ["C2.M1"]))
        agenda = try hash(await store.ingest("docs/compliance_officers_training_agenda.docx", milestones: ["C1.M1"]))
        restricted = try hash(await store.ingest("docs/karak_hearing_notes.txt", classification: .restricted, commitments: ["C5"],
                                                 legalBasis: "ATI Law art. 13(e)"))
        partial = try hash(await store.ingest("docs/msf_meeting_minutes_2022-03-20_en.pdf", milestones: ["C6.M1"]))
        withdrawn = try hash(await store.ingest("docs/capital_projects_2023.csv", commitments: ["C3"]))
        let later = Timestamp.string(from: Self.clock.now().addingTimeInterval(3600))
        try index.classify(partial, ClassificationDecision(
            level: "restricted", access: .partial, legalBasis: "ATI Law art. 13(b)", decidedBy: "reviewer", decidedAt: later,
            reviewDate: "2026-06-30"))
        try index.classify(withdrawn, ClassificationDecision(level: "public", access: .public, withdrawn: true, decidedBy: "reviewer",
                                                             decidedAt: later, note: "superseded"))
        try index.describe(agenda, DocumentDescription(titleAr: "جدول أعمال تدريب ضباط الامتثال", documentDate: "2023-05-14"),
                           by: "reviewer", at: later)
    }

    func listing(_ audience: Audience, _ filter: ListingFilter = ListingFilter()) throws -> Listing {
        try Listing(index: store.repository.index, audience: audience, filter: filter, baseURL: "https://evidence.example.jo", clock: Self.clock)
    }
}

@Suite struct RegisterTests {
    @Test func publicListingMatchesItsGoldenHTMLAndCSV() async throws {
        let listing = try await RegisterFixture().listing(.public)
        try Golden.expect(try listing.html(), matches: "listing-public.html")
        try Golden.expect(listing.csv(), matches: "listing-public.csv")
    }

    @Test func csvHasAByteOrderMarkCRLFLinesAndDefusedFormulas() async throws {
        let csv = try await RegisterFixture().listing(.internal).csv()
        #expect(csv.hasPrefix("\u{FEFF}Reference / المرجع,"))
        #expect(csv.utf8.contains(13))
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(csv.contains("محضر اجتماع اللجنة الفنية"))
    }

    @Test func listingJSONFollowsItsSchemaForBothAudiences() async throws {
        let fixture = try await RegisterFixture()
        let validator = try JSONSchemaValidator(schema: try SchemaFiles.jsonSchema(named: "listing"))
        for audience in Audience.allCases {
            #expect(try validator.violations(of: try fixture.listing(audience).json()).isEmpty)
        }
    }

    @Test func restrictedDocumentIsInNoPublicListingInAnyFormat() async throws {
        let fixture = try await RegisterFixture()
        let listing = try fixture.listing(.public)
        #expect(Set(listing.entries.map(\.sha256)) == Set([fixture.arabicMinutes, fixture.agenda, fixture.partial, fixture.withdrawn].map(\.hex)))
        let renderings = [try listing.html(), listing.csv(), String(decoding: try listing.json(), as: UTF8.self),
                          String(decoding: try listing.jsonLD(), as: UTF8.self)]
        for text in renderings {
            #expect(!text.contains(fixture.restricted.hex))
            #expect(!text.contains(RegisterFixture.restrictedTitleWords))
            #expect(!text.contains("C5"))
        }
        let staffListing = try fixture.listing(.internal)
        #expect(staffListing.entries.count == 5)
        let hidden = try #require(staffListing.entries.first { $0.sha256 == fixture.restricted.hex })
        #expect(hidden.accessStatus == "withheld" && hidden.classificationLevel == "restricted" && hidden.url == nil)
        #expect(hidden.legalBasis == "ATI Law art. 13(e)")
    }

    @Test func referencesAreStableAndNeverReused() async throws {
        let fixture = try await RegisterFixture()
        let before = try fixture.listing(.internal).entries.map { [$0.reference, $0.sha256] }
        #expect(before.map { $0[0] } == ["BY-000001", "BY-000002", "BY-000003", "BY-000004", "BY-000005"])
        _ = await fixture.store.ingest("docs/irbid_workshop_photo.jpg")
        let after = try fixture.listing(.internal).entries.map { [$0.reference, $0.sha256] }
        #expect(Array(after.prefix(5)) == before)
        #expect(after.last?[0] == "BY-000006")
    }

    @Test func partReleasedAndWithdrawnDocumentsSayWhyAndHowToObtainThem() async throws {
        let fixture = try await RegisterFixture()
        let entries = try fixture.listing(.public).entries
        let partial = try #require(entries.first { $0.sha256 == fixture.partial.hex })
        #expect(partial.accessStatus == "partial" && partial.legalBasis == "ATI Law art. 13(b)" && partial.reviewDate == "2026-06-30")
        #expect(partial.url == "https://evidence.example.jo/documents/\(fixture.partial.hex)/download")
        #expect(partial.classificationLevel == nil)
        let withdrawn = try #require(entries.first { $0.sha256 == fixture.withdrawn.hex })
        #expect(withdrawn.accessStatus == "withdrawn" && withdrawn.url == nil && withdrawn.datePublished == "2025-06-30")
        #expect(withdrawn.howToObtainEn.contains("access-to-information request"))
        let open = try #require(entries.first { $0.sha256 == fixture.arabicMinutes.hex })
        #expect(open.legalBasis == nil && open.type == "minutes" && open.languages == ["ar"] && open.dateRecorded == "2025-06-30")
    }

    @Test func staffDescriptionsOverrideWhatIsDerived() async throws {
        let fixture = try await RegisterFixture()
        let agenda = try #require(try fixture.listing(.public).entries.first { $0.sha256 == fixture.agenda.hex })
        #expect(agenda.titleAr == "جدول أعمال تدريب ضباط الامتثال")
        #expect(agenda.titleEn != nil && agenda.documentDate == "2023-05-14")
        try fixture.store.repository.index.describe(fixture.agenda, DocumentDescription(titleAr: "", type: .workshopReport),
                                                    by: "reviewer", at: "2025-07-01T00:00:00Z")
        let changed = try #require(try fixture.listing(.public).entries.first { $0.sha256 == fixture.agenda.hex })
        #expect(changed.titleAr == nil && changed.type == "workshop_report" && changed.documentDate == "2023-05-14")
    }

    @Test func filtersNarrowTheListing() async throws {
        let fixture = try await RegisterFixture()
        #expect(try fixture.listing(.public, ListingFilter(commitment: CommitmentID("C2"))).entries.map(\.sha256) == [fixture.arabicMinutes.hex])
        #expect(try fixture.listing(.public, ListingFilter(milestone: MilestoneID("C6.M1"))).entries.map(\.sha256) == [fixture.partial.hex])
        #expect(try fixture.listing(.public, ListingFilter(type: .dataset)).entries.map(\.sha256) == [fixture.withdrawn.hex])
        #expect(try fixture.listing(.public, ListingFilter(agency: "الاقتصاد الرقمي")).entries.map(\.sha256) == [fixture.arabicMinutes.hex])
        #expect(try fixture.listing(.public, ListingFilter(agency: "digital economy")).entries.map(\.sha256) == [fixture.arabicMinutes.hex])
        let dated = try fixture.listing(.public, ListingFilter(from: CalendarDate("2023-05-01"), to: CalendarDate("2023-05-31")))
        #expect(dated.entries.map(\.sha256) == [fixture.agenda.hex])
    }

    @Test func jsonLDIsADCATCatalogueOfDatasetsWithDistributions() async throws {
        let fixture = try await RegisterFixture()
        let catalog = try JSONValue.parse(try fixture.listing(.public).jsonLD())
        #expect(catalog["@type"]?.string == "dcat:Catalog")
        let datasets = try #require(catalog["dcat:dataset"]?.array)
        #expect(datasets.count == 4 && datasets.allSatisfy { $0["@type"]?.string == "dcat:Dataset" })
        let withDownloads = datasets.filter { $0["dcat:distribution"] != nil }
        #expect(withDownloads.count == 3)
    }
}

/// Compares a rendering with its golden file in Tests/Fixtures/golden; `BAYYINA_UPDATE_GOLDEN=1` rewrites the files.
enum Golden {
    static func expect(_ text: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Fixtures.url("golden/\(name)")
        if ProcessInfo.processInfo.environment["BAYYINA_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return
        }
        let golden = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(text == golden, "\(name) differs from its golden file; review and rerun with BAYYINA_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
    }
}

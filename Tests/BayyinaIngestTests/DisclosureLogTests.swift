import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import BayyinaListings
import BayyinaSchemas
import BayyinaTestSupport
import Foundation
import Testing

/// Requests answered with real documents, and proof that who asked reaches nothing public.
@Suite struct DisclosureLogTests {
    static let name = "Rania Haddad-Qudah"
    static let contact = "rania.qudah@example.jo"
    static let nationality = "Narnian"

    /// The register fixture plus a granted request (public minutes and the restricted notes released), a refused one
    /// whose subject names the applicant, and one still open.
    static func fixture() async throws -> (RegisterFixture, granted: AccessRequest, refused: AccessRequest) {
        let fixture = try await RegisterFixture()
        let index = fixture.store.repository.index
        let applicant = Applicant(name: name, nationality: nationality, residence: "Qatranah-Zeta", contact: contact)
        func file(_ subject: String, _ received: String) throws -> AccessRequest {
            try index.fileRequest(NewAccessRequest(received: CalendarDate(received)!, channel: .electronic, applicant: applicant, subject: subject),
                                  by: "officer", at: "2025-06-30T09:00:00Z")
        }
        let asked = try file("Minutes of the technical committee on e-participation", "2025-06-01")
        let granted = try index.decideRequest(asked.reference, RequestDecisionRecord(
            decision: .granted, decided: CalendarDate("2025-06-10")!, releasedDocuments: [fixture.arabicMinutes, fixture.restricted]),
            by: "officer", at: "2025-06-30T09:00:00Z")
        let named = try file("My own file: Rania Haddad-Qudah, please reply to rania.qudah@example.jo; Rania needs it", "2025-06-02")
        let refused = try index.decideRequest(named.reference, RequestDecisionRecord(
            decision: .refused, decided: CalendarDate("2025-06-12")!, legalGround: "ATI Law art. 13(e)",
            reasons: "Personal data of third parties; Haddad-Qudah was told in writing."), by: "officer", at: "2025-06-30T09:00:00Z")
        _ = try file("Budget of the open data portal", "2025-06-20")
        return (fixture, granted, refused)
    }

    @Test func theLogListsAnsweredRequestsWithPublicDocumentsOnly() async throws {
        let (fixture, granted, refused) = try await Self.fixture()
        let log = try DisclosureLog(index: fixture.store.repository.index, baseURL: "https://evidence.example.jo", clock: RegisterFixture.clock)
        #expect(log.entries.map(\.reference) == [refused.reference, granted.reference])
        let grantedEntry = try #require(log.entries.last)
        #expect(grantedEntry.documents.map(\.sha256) == [fixture.arabicMinutes.hex])
        #expect(grantedEntry.decisionAr == "أُجيب الطلب" && grantedEntry.due == "2025-06-22")
        let refusedEntry = try #require(log.entries.first)
        #expect(refusedEntry.legalGround == "ATI Law art. 13(e)")
        #expect(refusedEntry.subject == "My own file: […], please reply to […]; […] needs it")
        #expect(try JSONSchemaValidator(schema: try SchemaFiles.jsonSchema(named: "disclosure-log")).violations(of: try log.json()).isEmpty)
    }

    @Test func noPersonalDataReachesTheLogListingsSearchReportsOrPacks() async throws {
        let (fixture, _, _) = try await Self.fixture()
        let index = fixture.store.repository.index
        let log = try DisclosureLog(index: index, clock: RegisterFixture.clock)
        var published = [try log.html(), log.csv(), String(decoding: try log.json(), as: UTF8.self)]
        for audience in Audience.allCases {
            let listing = try fixture.listing(audience)
            published += [try listing.html(), listing.csv(), String(decoding: try listing.json(), as: UTF8.self),
                          String(decoding: try listing.jsonLD(), as: UTF8.self)]
            let report = try CompletenessReport(index: index, audience: audience, clock: RegisterFixture.clock)
            published += [try report.html(), report.csv(), String(decoding: try report.json(), as: UTF8.self)]
        }
        let pack = fixture.store.folder.url.appendingPathComponent("pack")
        _ = try EvidencePack(listing: try fixture.listing(.internal), organization: "Unit")
            .write(to: pack, original: fixture.store.repository.blobs.url(for:), clock: RegisterFixture.clock)
        published += try FileManager.default.contentsOfDirectory(atPath: pack.path).filter { $0 != "data" }
            .map { try String(contentsOf: pack.appendingPathComponent($0), encoding: .utf8) }
        for secret in [Self.name, "Rania", "Qudah", Self.contact, Self.nationality, "Qatranah"] {
            #expect(!published.contains { $0.contains(secret) }, "\(secret) was published")
        }
        for query in ["Rania", "Qudah", "rania.qudah", "Qatranah", "Narnian"] {
            #expect(try index.search(SearchRequest(query: try SearchQuery(query), audience: .internal)).total == 0)
        }
    }
}

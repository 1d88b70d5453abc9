import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import BayyinaTestSupport
import Foundation
import Testing

/// Versions of one piece of evidence (a text, its Word file and its PDF export) are grouped at ingest.
@Suite struct VersionTests {
    func ingestSeed(_ store: TestStore, pdfClassification: Classification = .public) async throws -> [ContentHash] {
        var hashes: [ContentHash] = []
        for (name, classification) in [("msf_minutes_2023-10-15.txt", Classification.public), ("msf_minutes_2023-10-15.docx", .public),
                                       ("msf_minutes_2023-10-15.pdf", pdfClassification)] {
            let outcome = await store.repository.pipeline.ingest(IngestRequest(
                source: Fixtures.sample(name), classification: classification, legalBasis: classification == .restricted ? "test" : nil))
            hashes.append(try #require(outcome.sha256))
        }
        return hashes
    }

    @Test func theSeedMinutesInThreeFormatsFormOneGroupAndNothingElseJoins() async throws {
        let store = try TestStore()
        let seed = try await ingestSeed(store)
        _ = await store.ingest("docs/msf_meeting_minutes_2022-03-20_en.pdf")
        _ = await store.ingest("docs/invitation_msf_meeting_2023-10-15.eml")
        _ = await store.ingest("docs/c1_progress_2023-10.pptx")
        #expect(try store.repository.index.versionGroups().map { Set($0) } == [Set(seed)])
        #expect(Set(try store.repository.index.otherVersions(of: seed[0], audience: .internal).map(\.sha256)) == Set(seed[1...]))
    }

    @Test func aRestrictedVersionIsNeverShownToThePublic() async throws {
        let store = try TestStore()
        let seed = try await ingestSeed(store, pdfClassification: .restricted)
        #expect(try store.repository.index.otherVersions(of: seed[0], audience: .public).map(\.sha256) == [seed[1]])
        #expect(try store.repository.index.otherVersions(of: seed[0], audience: .internal).count == 2)
    }

    @Test func searchCanCollapseAGroupToItsBestMember() async throws {
        let store = try TestStore()
        let seed = try await ingestSeed(store)
        let query = try SearchQuery("فريق العمل الوطني")
        let all = try store.repository.index.search(SearchRequest(query: query, audience: .public))
        let collapsed = try store.repository.index.search(SearchRequest(query: query, audience: .public, collapseVersions: true))
        #expect(Set(all.hits.map(\.document.sha256)).isSuperset(of: seed))
        #expect(collapsed.hits.filter { seed.contains($0.document.sha256) }.count == 1)
        #expect(collapsed.total == all.total - 2)
        #expect(collapsed.hits.first?.document.sha256 == all.hits.first?.document.sha256)
    }
}

import BayyinaCore
import BayyinaIndex
import Testing

/// The facets of a search count the documents it matches by each value, for its audience and with its filters.
@Suite struct SearchFacetTests {
    static func index() throws -> TestIndex {
        let index = try TestIndex()
        try index.add("a", "تقرير الموازنة المفتوحة", commitments: ["C2", "C6"], milestones: ["C2.M1"], created: "2023-05-01",
                      mediaType: "application/pdf")
        try index.add("b", "ملخص الموازنة للمواطن", commitments: ["C6"], created: "2024-01-10")
        try index.add("c", "الموازنة العامة للدولة", created: "2024-03-03", mediaType: "application/pdf")
        try index.add("d", "مذكرة الموازنة الداخلية", classification: .restricted, commitments: ["C6"], created: "2022-01-01",
                      mediaType: "application/pdf")
        try index.add("e", "محضر اجتماع الفريق", commitments: ["C2"], created: "2024-02-02")
        return index
    }

    static let planning = "وزارة التخطيط والتعاون الدولي", digital = "وزارة الاقتصاد الرقمي والريادة"

    @Test func facetsCountTheMatchesByEveryValueWithoutTheRestricted() throws {
        let index = try Self.index()
        let facets = try index.database.facets(SearchRequest(query: try SearchQuery("الموازنه"), audience: .public))
        #expect(facets == SearchFacets(
            commitments: [("C6", 2), ("C2", 1)], milestones: [("C2.M1", 1)], mediaTypes: [("application/pdf", 2), ("text/plain", 1)],
            languages: [("ar", 3)], years: [("2024", 2), ("2023", 1)], agencies: [(Self.planning, 2), (Self.digital, 1)]))
        let staff = try index.database.facets(SearchRequest(query: try SearchQuery("الموازنه"), audience: .internal))
        #expect(staff.mediaTypes.map(\.count) == [3, 1])
        #expect(staff.years.map(\.value) == ["2024", "2022", "2023"])
        #expect(staff.agencies.first?.count == 3)
    }

    @Test func facetsFollowTheFiltersOfTheRequest() throws {
        let index = try Self.index()
        let facets = try index.database.facets(SearchRequest(query: try SearchQuery("الموازنة"), audience: .public, year: 2024))
        #expect(facets == SearchFacets(
            commitments: [("C6", 1)], mediaTypes: [("application/pdf", 1), ("text/plain", 1)], languages: [("ar", 2)],
            years: [("2024", 2)], agencies: [(Self.planning, 1)]))
        let linked = try index.database.facets(SearchRequest(query: try SearchQuery("الموازنة"), audience: .public, commitment: CommitmentID("C2")))
        #expect(linked.commitments.map(\.value) == ["C2", "C6"])
        #expect(linked.mediaTypes.map(\.count) == [1])
    }

    @Test func facetsFollowDocumentsLinksAndClassificationsChangedAfterTheyWereCounted() throws {
        let index = try Self.index()
        let request = SearchRequest(query: try SearchQuery("الموازنة"), audience: .public)
        let before = try index.database.facets(request)
        for _ in 0..<8 { #expect(try index.database.facets(request) == before) }
        let hash = try index.add("f", "الموازنة بالأرقام", created: "2021-06-01")
        try index.database.link(hash, commitments: [CommitmentID("C2")!], milestones: [MilestoneID("C2.M1")!])
        for _ in 0..<8 {
            let after = try index.database.facets(request)
            #expect(after.commitments.map(\.value) == ["C2", "C6"] && after.commitments.map(\.count) == [2, 2])
            #expect(after.milestones.map(\.count) == [2])
            #expect(after.years.map(\.value) == ["2024", "2021", "2023"])
            #expect(after.agencies.map(\.count) == [2, 2])
        }
        try index.database.classify(hash, ClassificationDecision(
            level: "restricted", access: .withheld, legalBasis: "art. 13(e)", decidedBy: "reviewer", decidedAt: "2025-06-30T09:00:00Z"))
        for _ in 0..<8 { #expect(try index.database.facets(request) == before) }
    }
}

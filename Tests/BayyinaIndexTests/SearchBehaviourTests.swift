import BayyinaCore
import BayyinaIndex
import Testing

@Suite struct SearchBehaviourTests {
    @Test func everyWordMustMatch() throws {
        let index = try TestIndex()
        try index.add("both", "open data portal")
        try index.add("one", "open government")
        #expect(try index.titles("open data") == ["both"])
    }

    @Test func phraseMatchesAdjacentWordsOnly() throws {
        let index = try TestIndex()
        try index.add("adjacent", "we publish open data every quarter")
        try index.add("apart", "data that is open to all")
        #expect(try index.titles("\"open data\"") == ["adjacent"])
    }

    @Test func prefixMatchesWordBeginningsInBothLanguages() throws {
        let index = try TestIndex()
        try index.add("english", "public consultation on the draft")
        try index.add("arabic", "عقدت الجلسة التشاورية في الكرك")
        #expect(try index.titles("consult*") == ["english"])
        #expect(try index.titles("تشاور*") == ["arabic"])
    }

    @Test func prefixQueryMarksItsMatchInTheSnippetOfEveryResultOnThePage() throws {
        let index = try TestIndex()
        for number in 1...30 {
            try index.add("english \(number)", "minutes of meeting \(number): the consultation with civil society")
            try index.add("arabic \(number)", "محضر الاجتماع \(number) حول الجلسات التشاورية مع المجتمع المدني")
        }
        for (query, word) in [("consult*", "consultation"), ("تشاور*", "التشاورية")] {
            let page = try index.search(query)
            #expect(page.total == 30)
            #expect(page.hits.count == 20)
            for hit in page.hits {
                #expect(hit.snippet.marked(start: "[", end: "]").contains("[\(word)]"))
            }
        }
    }

    @Test func snippetIsThePassageWithTheMostQueryWordsCutWhereTheTextGoesOn() throws {
        let index = try TestIndex()
        let filler = (1...60).map { "word\($0)" }.joined(separator: " ")
        try index.add("report", "The budget was late. \(filler) The open budget portal went live. \(filler) Budget again.")
        let hit = try #require(try index.search("open budget").hits.first)
        let marked = hit.snippet.marked(start: "[", end: "]")
        #expect(marked.contains("[open] [budget] portal went live"), "\(marked)")
        #expect(marked.hasPrefix("…") && marked.hasSuffix("…"))
        #expect(hit.snippet.plain.split(separator: " ").count <= 26)
    }

    @Test func phraseIsMarkedAsOneRunAndShortTextsAreShownWhole() throws {
        let index = try TestIndex()
        try index.add("short", "(We publish open data every quarter.)")
        let hit = try #require(try index.search("\"open data\" quarter").hits.first)
        #expect(hit.snippet.marked(start: "[", end: "]") == "(We publish [open data] every [quarter].)")
    }

    @Test func hyphenatedWordIsAPhraseOfItsParts() throws {
        let index = try TestIndex()
        try index.add("platform", "the unified e-participation platform")
        #expect(try index.titles("e-participation") == ["platform"])
    }

    @Test func englishPluralsMatchSingulars() throws {
        let index = try TestIndex()
        try index.add("committees", "youth advisory committee terms of reference")
        #expect(try index.titles("youth advisory committees") == ["committees"])
    }

    @Test(arguments: ["\"unbalanced", "(", "NEAR(", "title:x", "AND", "OR NOT", "a AND (b", "\"\"", "^x", "x:y:z", "'", "-x"])
    func operatorsAreQuotedNeverInterpreted(query: String) throws {
        let index = try TestIndex()
        try index.add("doc", "title x y z and or not near b")
        do {
            _ = try index.search(query)
        } catch let error as BayyinaError {
            #expect(error.code == .invalidQuery)
        }
    }

    @Test(arguments: ["*", "   ", "()", "\"\"", "-"])
    func queryWithoutWordsIsAnInvalidQuery(query: String) {
        #expect { _ = try SearchQuery(query) } throws: { ($0 as? BayyinaError)?.code == .invalidQuery }
    }

    @Test func restrictedDocumentsAreInvisibleToThePublic() throws {
        let index = try TestIndex()
        try index.add("open minutes", "attendance of the workshop")
        try index.add("attendance sheet", "attendance with phone numbers", classification: .restricted)
        #expect(try index.search("attendance", audience: .internal).total == 2)
        let publicPage = try index.search("attendance", audience: .public)
        #expect(publicPage.total == 1)
        #expect(publicPage.hits.map(\.document.title) == ["open minutes"])
        #expect(try index.database.documents(for: .public).map(\.title) == ["open minutes"])
    }

    @Test func aDocumentRestrictedAfterSearchesLeavesThePublicResultsAtOnceAndReturnsWhenReleased() throws {
        let index = try TestIndex()
        // Ids past 64, which the connections' sets of restricted documents keep in a second word of bits.
        for number in 1...70 { try index.add("note \(number)", "unrelated note \(number)") }
        try index.add("open minutes", "attendance of the workshop")
        let sheet = try index.add("attendance sheet", "attendance with phone numbers")
        func publicTitles() throws -> [[String]] {
            // Several calls, so that every reader connection of the pool has searched before and after the change.
            try (0..<8).map { _ in try index.search("attendance", audience: .public).hits.map(\.document.title).sorted() }
        }
        func decide(_ level: String, _ access: AccessStatus) throws {
            try index.database.classify(sheet, ClassificationDecision(
                level: level, access: access, legalBasis: access == .public ? nil : "art. 13(e)", decidedBy: "reviewer",
                decidedAt: "2025-06-30T09:00:00Z"))
        }
        #expect(try publicTitles().allSatisfy { $0 == ["attendance sheet", "open minutes"] })
        try decide("restricted", .withheld)
        #expect(try publicTitles().allSatisfy { $0 == ["open minutes"] })
        #expect(try index.search("attendance", audience: .public).total == 1)
        #expect(try index.search("attendance", audience: .internal).total == 2)
        try decide("public", .public)
        #expect(try publicTitles().allSatisfy { $0 == ["attendance sheet", "open minutes"] })
    }

    @Test func commitmentMilestoneAndAgencyFiltersFollowLinksMadeAndRemovedAfterSearches() throws {
        let index = try TestIndex()
        for number in 1...70 { try index.add("note \(number)", "workshop note \(number)", commitments: number % 7 == 0 ? ["C2"] : []) }
        let minutes = try index.add("minutes", "minutes of the workshop")
        let agency = "Ministry of Digital Economy and Entrepreneurship"
        func totals() throws -> [Int] {
            // Repeated, so that every reader connection of the pool has searched before and after each change.
            let requests = [
                SearchRequest(query: try SearchQuery("workshop"), audience: .public, commitment: CommitmentID("C2")),
                SearchRequest(query: try SearchQuery("workshop"), audience: .public, milestone: MilestoneID("C2.M1")),
                SearchRequest(query: try SearchQuery("workshop"), audience: .public, agency: agency),
            ]
            let rounds = try (0..<6).map { _ in try requests.map { try index.database.search($0).total } }
            #expect(Set(rounds.map { $0.description }).count == 1, "every connection counts alike")
            return rounds[0]
        }
        #expect(try totals() == [10, 0, 10])
        try index.database.link(minutes, commitments: [], milestones: [MilestoneID("C2.M1")!])
        #expect(try totals() == [11, 1, 11])
        try index.database.unlink(minutes, commitments: [CommitmentID("C2")!], milestones: [])
        #expect(try totals() == [10, 0, 10])
    }

    @Test func totalCountsEveryMatchTheAudienceAndFiltersKeepOnEveryPageAndInEitherOrder() throws {
        let index = try TestIndex()
        for number in 1...25 {
            try index.add("report \(number)", "workshop report \(number)", commitments: number % 5 == 0 ? ["C2"] : [])
        }
        for number in 1...3 {
            try index.add("sheet \(number)", "workshop attendance \(number)", classification: .restricted, commitments: ["C2"])
        }
        try index.add("تقرير", "تقرير ورشة العمل عن الموازنة المفتوحة workshop")
        func total(_ text: String, _ audience: Audience, commitment: String? = nil, language: DocumentLanguage? = nil,
                   offset: Int = 0, sort: SearchSort = .relevance) throws -> [Int] {
            let page = try index.database.search(SearchRequest(
                query: try SearchQuery(text), audience: audience, commitment: commitment.flatMap { CommitmentID($0) },
                language: language, limit: 20, offset: offset, sort: sort))
            return [page.total, page.hits.count]
        }
        func expect(_ found: [Int], _ expected: [Int], _ location: SourceLocation = #_sourceLocation) {
            #expect(found == expected, "total and results shown", sourceLocation: location)
        }
        for sort in SearchSort.allCases {
            try expect(total("workshop", .public, sort: sort), [26, 20])
            try expect(total("workshop", .internal, sort: sort), [29, 20])
            try expect(total("workshop", .public, offset: 20, sort: sort), [26, 6])
            try expect(total("workshop", .public, offset: 40, sort: sort), [26, 0])
            try expect(total("workshop", .public, commitment: "C2", sort: sort), [5, 5])
            try expect(total("workshop", .internal, commitment: "C2", sort: sort), [8, 8])
            try expect(total("workshop", .public, language: .ar, sort: sort), [1, 1])
            try expect(total("workshop", .public, language: .en, sort: sort), [25, 20])
            try expect(total("\"workshop report\"", .internal, sort: sort), [25, 20])
            try expect(total("nothing", .internal, sort: sort), [0, 0])
        }
    }

    @Test func filtersNarrowByCommitmentMilestoneLanguageAndYear() throws {
        let index = try TestIndex()
        try index.add("c2 report", "workshop report", commitments: ["C2"], created: "2023-05-18T09:30:00Z")
        try index.add("c2m1 report", "workshop report two", milestones: ["C2.M1"], created: "2022-01-02")
        try index.add("c6 report", "workshop report three تقرير", commitments: ["C6"])
        #expect(try index.search("workshop", commitment: "C2").hits.map(\.document.title).sorted() == ["c2 report", "c2m1 report"])
        #expect(try index.search("workshop", milestone: "C2.M1").hits.map(\.document.title) == ["c2m1 report"])
        #expect(try index.search("workshop", year: 2023).hits.map(\.document.title) == ["c2 report"])
        #expect(try index.search("workshop", language: .en).total == 2)
    }

    @Test func titleMatchesRankAboveBodyMatches() throws {
        let index = try TestIndex()
        try index.add("Notes", "the budget was discussed at length in the budget session")
        try index.add("Budget", "minutes of the meeting where the budget was discussed")
        #expect(try index.titles("budget").first == "Budget")
    }
}

import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import BayyinaSchemas
import BayyinaServer
import BayyinaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The reviewers' queue of link suggestions on the web and in the API, and other versions on document pages.
@Suite struct SuggestionRouteTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func reviewersAcceptASuggestionFromTheQueuePage() async throws {
        let fixture = try await ServerFixture()
        let (_, reviewer) = try StaffSecrets.createToken(in: fixture.repository.index, name: "Amal", role: .reviewer, agency: nil)
        let (_, uploader) = try StaffSecrets.createToken(in: fixture.repository.index, name: "MoDEE", role: .uploader, agency: nil)
        let hash = try #require(ContentHash(hex: fixture.publicHash))
        let suggestion = try #require(try fixture.repository.index.openSuggestions(document: hash).first)
        try await fixture.test { client in
            try await client.execute(uri: "/staff/suggestions", method: .get) { response in #expect(response.status == .forbidden) }
            let (uploaderCookie, _) = try await StaffTests.signIn(client, secret: uploader)
            try await client.execute(uri: "/staff/suggestions", method: .get, headers: [.cookie: uploaderCookie]) { response in
                #expect(response.status == .forbidden)
            }
            let (cookie, csrf) = try await StaffTests.signIn(client, secret: reviewer)
            try await client.execute(uri: "/staff/suggestions?min=0", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("اقتراحات الربط") && page.contains("suggestion-\(suggestion.id)"))
                #expect(page.contains(suggestion.suggestion.reason.ar ?? "—"))
            }
            var headers = Self.form
            headers[.cookie] = cookie
            try await client.execute(uri: "/staff/suggestions/\(suggestion.id)", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrf=forged&action=accept")) { response in #expect(response.status == .forbidden) }
            try await client.execute(uri: "/staff/suggestions/\(suggestion.id)", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrf=\(csrf)&action=accept&return_to=%2Fstaff%2Fsuggestions")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/staff/suggestions")
            }
            try await client.execute(uri: "/staff/suggestions/\(suggestion.id)", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrf=\(csrf)&action=reject")) { response in #expect(response.status == .badRequest) }
        }
        let document = try #require(try fixture.repository.index.metadata(hash))
        let target = suggestion.suggestion.target
        #expect(document.commitments.contains(target.commitment))
        if case .milestone(let milestone) = target { #expect(document.milestones.contains(milestone)) }
    }

    @Test func theSuggestionAPIAnswersInItsSchemaForReviewersOnly() async throws {
        let fixture = try await ServerFixture()
        let (_, reviewer) = try StaffSecrets.createToken(in: fixture.repository.index, name: "Amal", role: .reviewer, agency: nil)
        let (_, uploader) = try StaffSecrets.createToken(in: fixture.repository.index, name: "MoDEE", role: .uploader, agency: nil)
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/suggestions", method: .get) { response in #expect(response.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/suggestions", method: .get, headers: [.authorization: "Bearer \(uploader)"]) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/suggestions?min_confidence=2", method: .get,
                                     headers: [.authorization: "Bearer \(reviewer)"]) { response in #expect(response.status == .badRequest) }
            let id = try await client.execute(uri: "/api/v1/suggestions?min_confidence=0&lang=en", method: .get,
                                              headers: [.authorization: "Bearer \(reviewer)"]) { response -> String in
                #expect(response.status == .ok)
                try PublicAPITests.validate(response.body, schema: "suggestions")
                let list = try #require(JSONValue.parse(Data(buffer: response.body))["suggestions"]?.array)
                return try #require(list.first?["id"]?.string)
            }
            try await client.execute(uri: "/api/v1/suggestions/\(id)/reject", method: .post,
                                     headers: [.authorization: "Bearer \(reviewer)"]) { response in
                #expect(response.status == .ok)
                try PublicAPITests.validate(response.body, schema: "suggestions")
                #expect(try JSONValue.parse(Data(buffer: response.body))["suggestions"]?.array?.first?["decidedBy"]?.string == "Amal")
            }
            try await client.execute(uri: "/api/v1/suggestions/424242/accept", method: .post,
                                     headers: [.authorization: "Bearer \(reviewer)"]) { response in #expect(response.status == .notFound) }
        }
    }

    @Test func documentPageListsOtherVersionsTheVisitorMaySee() async throws {
        let fixture = try await ServerFixture()
        var hashes: [String] = []
        for (name, classification) in [("msf_minutes_2023-10-15.txt", Classification.public), ("msf_minutes_2023-10-15.docx", .public),
                                       ("msf_minutes_2023-10-15.pdf", .restricted)] {
            let outcome = await fixture.repository.pipeline.ingest(IngestRequest(
                source: Fixtures.sample(name), classification: classification, legalBasis: classification == .restricted ? "draft" : nil))
            hashes.append(try #require(outcome.sha256).hex)
        }
        try await fixture.test { [hashes] client in
            try await client.execute(uri: "/documents/\(hashes[0])", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("نسخ أخرى من هذه الوثيقة"))
                #expect(page.contains("/documents/\(hashes[1])"))
                #expect(!page.contains(hashes[2]))
            }
            try await client.execute(uri: "/search?q=%D9%81%D8%B1%D9%8A%D9%82&versions=one", method: .get) { response in
                let page = String(buffer: response.body)
                #expect([hashes[0], hashes[1]].filter { page.contains("/documents/\($0)") }.count == 1)
                #expect(page.contains("name=\"versions\" value=\"one\" checked"))
            }
        }
    }
}

import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import BayyinaServer
import BayyinaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The public request form and API, the disclosure log and the staff queue.
@Suite struct RequestRouteTests {
    static let clock = FixedClock(Date(timeIntervalSince1970: 1_748_772_000))  // 2025-06-01T10:00:00Z
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func test(_ fixture: ServerFixture, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await buildApplication(repository: fixture.repository, configuration: ServerConfiguration(clock: clock))
        try await app.test(.router) { client in try await body(client) }
    }

    @Test func aPersonFilesARequestAndGetsTheReferenceAndTheDueDate() async throws {
        let fixture = try await ServerFixture()
        try await Self.test(fixture) { client in
            let body = "subject=" + "محاضر اللجنة الفنية".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                + "&name=Rania+Qudah&contact=rania%40example.jo&applicant_kind=natural"
            try await client.execute(uri: "/request?lang=en", method: .post, headers: Self.form, body: ByteBuffer(string: body)) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .created && response.headers[.cacheControl] == "no-store")
                #expect(page.contains("ATI-2025-0001") && page.contains("2025-06-22"))
            }
            try await client.execute(uri: "/request", method: .post, headers: Self.form, body: ByteBuffer(string: "subject=x&name=y")) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("وسيلة للتواصل"))
            }
            try await client.execute(uri: "/api/v1/requests", method: .post, headers: Self.form,
                                     body: ByteBuffer(string: "subject=budget&name=Ali&contact=ali%40example.jo")) { response in
                #expect(response.status == .created)
                let receipt = try JSONValue.parse(Data(buffer: response.body))
                #expect(receipt["reference"]?.string == "ATI-2025-0002" && receipt["due"]?.string == "2025-06-22")
                #expect(receipt["status"]?.string == "open" && receipt["received"]?.string == "2025-06-01")
            }
        }
        let stored = try #require(try fixture.repository.index.request("ATI-2025-0001"))
        #expect(stored.subject == "محاضر اللجنة الفنية" && stored.channel == .electronic && stored.applicant.contact == "rania@example.jo")
    }

    @Test func theDisclosureLogIsPublicAndNamesNobody() async throws {
        let fixture = try await ServerFixture()
        let index = fixture.repository.index
        let filed = try index.fileRequest(NewAccessRequest(
            received: CalendarDate("2025-05-20")!, applicant: Applicant(name: "Rania Qudah", contact: "rania@example.jo"),
            subject: "Minutes of the technical committee"), by: "o", at: "2025-05-20T10:00:00Z")
        _ = try index.decideRequest(filed.reference, RequestDecisionRecord(
            decision: .granted, decided: CalendarDate("2025-05-28")!, releasedDocuments: [ContentHash(hex: fixture.publicHash)!,
                                                                                        ContentHash(hex: fixture.restrictedHash)!]),
            by: "o", at: "2025-05-28T10:00:00Z")
        try await Self.test(fixture) { client in
            for uri in ["/disclosure-log", "/disclosure-log.json", "/disclosure-log.csv", "/disclosure-log.html", "/api/v1/disclosure-log"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let body = String(buffer: response.body)
                    #expect(response.status == .ok, "\(uri)")
                    #expect(body.contains(filed.reference) && body.contains(fixture.publicHash), "\(uri)")
                    #expect(!body.contains("Rania") && !body.contains("rania@") && !body.contains(fixture.restrictedHash), "\(uri)")
                }
            }
            try await client.execute(uri: "/api/v1/disclosure-log", method: .get) { response in
                try PublicAPITests.validate(response.body, schema: "disclosure-log")
            }
        }
    }

    @Test func theStaffQueueIsForReviewersOnlyAndSortedByDueDate() async throws {
        let fixture = try await ServerFixture()
        let index = fixture.repository.index
        for received in ["2025-05-29", "2025-05-05"] {
            _ = try index.fileRequest(NewAccessRequest(received: CalendarDate(received)!, applicant: Applicant(name: "Applicant \(received)"),
                                                       subject: "subject \(received)"), by: "o", at: "2025-06-01T10:00:00Z")
        }
        let (_, reviewer) = try StaffSecrets.createToken(in: index, name: "reviewer", role: .reviewer, agency: nil)
        let (_, uploader) = try StaffSecrets.createToken(in: index, name: "uploader", role: .uploader, agency: nil)
        try await Self.test(fixture) { client in
            try await client.execute(uri: "/staff/requests", method: .get) { response in
                #expect(response.status == .forbidden && !String(buffer: response.body).contains("Applicant"))
            }
            let (uploaderCookie, _) = try await StaffTests.signIn(client, secret: uploader)
            try await client.execute(uri: "/staff/requests", method: .get, headers: [.cookie: uploaderCookie]) { response in
                #expect(response.status == .forbidden)
            }
            let (cookie, _) = try await StaffTests.signIn(client, secret: reviewer)
            try await client.execute(uri: "/staff/requests?lang=en", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok && response.headers[.cacheControl] == "no-store")
                let first = try #require(page.range(of: "ATI-2025-0002")), second = try #require(page.range(of: "ATI-2025-0001"))
                #expect(first.lowerBound < second.lowerBound)
                #expect(page.contains("class=\"late\"") && page.contains("Deemed refused"))
            }
            try await client.execute(uri: "/staff/requests/ATI-2025-0001", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("Applicant 2025-05-29"))
            }
        }
    }
}

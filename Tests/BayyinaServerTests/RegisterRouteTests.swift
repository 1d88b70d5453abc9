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

/// The register and the completeness report on the web and in the API: public by default, internal for reviewers.
@Suite struct RegisterRouteTests {
    @Test func listingPageFiltersAndLinksEveryFormat() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/listing?lang=en&commitment=C2&type=minutes", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains("BY-000001") && page.contains(fixture.publicHash) && !page.contains(fixture.restrictedHash))
                #expect(page.contains("/listing.jsonld?commitment=C2&amp;type=minutes"))
            }
            try await client.execute(uri: "/listing?type=press_release", method: .get) { response in
                #expect(!String(buffer: response.body).contains(fixture.publicHash))
            }
            try await client.execute(uri: "/listing?from=2023-02-31", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/listing.html", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<html lang=\"ar\" dir=\"rtl\">") && page.contains("@media print"))
                let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                #expect(policy.contains("style-src 'sha256-") && !policy.contains("unsafe-inline"))
            }
            try await client.execute(uri: "/listing.jsonld", method: .get) { response in
                #expect(response.headers[.contentType] == "application/ld+json; charset=utf-8")
                let catalog = try JSONValue.parse(Data(buffer: response.body))
                #expect(catalog["dcat:dataset"]?.array?.count == 1)
            }
        }
    }

    @Test func theListingPageShowsAHundredEntriesAPageAndTheDownloadsHoldThemAll() async throws {
        let fixture = try await ServerFixture()
        let documents: [IndexChange] = (1...150).map { number in
            var digest = [UInt8](repeating: 0, count: 32)
            digest[0] = UInt8(number)
            let document = Document(
                sha256: ContentHash(digest: digest), title: "تقرير رقم \(number)", titleSource: .metadata, author: nil, created: nil,
                language: .ar, pages: nil, mediaType: "text/plain", size: 10, filenames: ["\(number).txt"], classification: .public,
                ingestedAt: "2025-06-30T09:00:00Z")
            return .newDocument(NewDocument(document: document, text: "تقرير", extractor: "text", extractorVersion: 1))
        }
        _ = try fixture.repository.index.apply(documents) { _ in }
        try await fixture.test { client in
            try await client.execute(uri: "/listing?lang=en", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.components(separatedBy: "<tr id=\"BY-").count - 1 == 100)
                #expect(page.contains("rel=\"next\" href=\"/listing?page=2&amp;lang=en\"") && !page.contains("rel=\"prev\""))
            }
            try await client.execute(uri: "/listing?page=2", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.components(separatedBy: "<tr id=\"BY-").count - 1 == 51 && page.contains("rel=\"prev\""))
            }
            try await client.execute(uri: "/listing.json", method: .get) { response in
                let listing = try JSONValue.parse(Data(buffer: response.body))
                #expect(listing["total"]?.number == 151)
            }
        }
    }

    @Test func listingAPIIsPublicUnlessAReviewerAsksForTheInternalEdition() async throws {
        let fixture = try await ServerFixture()
        let (_, reviewer) = try StaffSecrets.createToken(in: fixture.repository.index, name: "reviewer", role: .reviewer, agency: nil)
        let (_, uploader) = try StaffSecrets.createToken(in: fixture.repository.index, name: "uploader", role: .uploader, agency: nil)
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/listing", method: .get) { response in
                try PublicAPITests.validate(response.body, schema: "listing")
                #expect(!String(buffer: response.body).contains(fixture.restrictedHash))
            }
            for headers: HTTPFields in [[:], [.authorization: "Bearer \(uploader)"]] {
                try await client.execute(uri: "/api/v1/listing?audience=internal", method: .get, headers: headers) { response in
                    #expect(response.status == .forbidden)
                    try PublicAPITests.validate(response.body, schema: "error")
                    #expect(!String(buffer: response.body).contains(fixture.restrictedHash))
                }
            }
            try await client.execute(uri: "/api/v1/listing?audience=internal", method: .get,
                                     headers: [.authorization: "Bearer \(reviewer)"]) { response in
                try PublicAPITests.validate(response.body, schema: "listing")
                let body = String(buffer: response.body)
                #expect(body.contains(fixture.restrictedHash) && body.contains("personal data"))
            }
            try await client.execute(uri: "/api/v1/listing?format=csv", method: .get) { response in
                #expect(String(buffer: response.body).hasPrefix("\u{FEFF}Reference"))
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            }
            try await client.execute(uri: "/api/v1/listing?format=xml", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/listing?commitment=C9", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func completenessReportIsServedAsPageAndJSONWithoutRestrictedEvidence() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/reports/completeness?as-of=2025-06-30", method: .get) { response in
                try PublicAPITests.validate(response.body, schema: "completeness-report")
                let report = try JSONValue.parse(Data(buffer: response.body))
                let c2 = report["commitments"]?.array?.first { $0["id"]?.string == "C2" }
                #expect(c2?["evidenceCount"]?.number == 1)
            }
            try await client.execute(uri: "/reports/completeness?lang=en&as-of=2025-06-30", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("Suggested IRM level") && page.contains("data-level=\"complete\""))
                #expect(page.contains("Reported completed, no evidence"))
            }
            try await client.execute(uri: "/reports/completeness.csv?as-of=2025-06-30", method: .get) { response in
                #expect(String(buffer: response.body).hasPrefix("\u{FEFF}Commitment or milestone"))
            }
            try await client.execute(uri: "/api/v1/reports/completeness?as-of=30/06/2025", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}

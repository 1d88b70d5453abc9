import BayyinaCore
import BayyinaIngest
import BayyinaSchemas
import BayyinaServer
import BayyinaTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Testing

/// A store with the corpus plan, public evidence linked to C2 and a restricted attendance sheet linked to C2.
struct ServerFixture {
    let folder: TemporaryDirectory
    let repository: Repository
    let publicHash: String
    let restrictedHash: String

    init() async throws {
        folder = try TemporaryDirectory()
        repository = try Repository(root: folder.url.appendingPathComponent("store"))
        try repository.index.importPlan(try PlanFile.decode(try Data(contentsOf: Fixtures.planFile)))
        let open = await repository.pipeline.ingest(IngestRequest(
            source: Fixtures.url("docs/محضر اجتماع اللجنة الفنية للالتزام الثاني.docx"), milestones: [MilestoneID("C2.M1")!]))
        let hidden = await repository.pipeline.ingest(IngestRequest(
            source: Fixtures.url("docs/attendance_karak_capital_projects_2023-07-09.xlsx"), commitments: [CommitmentID("C2")!],
            classification: .restricted, legalBasis: "personal data"))
        publicHash = try #require(open.sha256).hex
        restrictedHash = try #require(hidden.sha256).hex
    }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await buildApplication(repository: repository, configuration: ServerConfiguration())
        try await app.test(.router) { client in try await body(client) }
    }
}

@Suite struct PublicPageTests {
    @Test func overviewIsArabicRightToLeftByDefaultWithAnEnglishSwitch() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<html lang=\"ar\" dir=\"rtl\">"))
                #expect(page.contains("تعزيز المشاركة المجتمعية"))
                #expect(page.contains("href=\"/?lang=en\""))
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<html lang=\"en\" dir=\"ltr\">"))
                #expect(page.contains("Enhancing"))
            }
        }
    }

    @Test func listingAndRequestPagesAndTheStyleSheetAreServed() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/listing", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(fixture.publicHash) && !page.contains(fixture.restrictedHash))
            }
            try await client.execute(uri: "/listing.csv", method: .get) { response in
                let csv = String(buffer: response.body)
                #expect(csv.hasPrefix("\u{FEFF}Reference / المرجع,SHA-256"))
                #expect(csv.contains(fixture.publicHash) && !csv.contains(fixture.restrictedHash))
            }
            try await client.execute(uri: "/request?lang=en", method: .get) { response in
                #expect(String(buffer: response.body).contains("access-to-information law"))
            }
            try await client.execute(uri: "/static/site.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(String(buffer: response.body).contains("mark"))
            }
        }
    }

    @Test func commitmentPageShowsMilestonesWithTheirPublicEvidenceOnly() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/commitments/C2", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("C2.M1"))
                #expect(page.contains(fixture.publicHash))
                #expect(!page.contains(fixture.restrictedHash))
                #expect(!page.contains("كشف حضور"))
            }
            try await client.execute(uri: "/commitments/C99", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func searchReadsAFormsPlusAsASpaceAndWritesAPlusEscaped() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let words = ["اللجنة", "الفنية"].map { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }
            try await client.execute(uri: "/search?q=\(words[0])+\(words[1])&lang=en", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(#"value="اللجنة الفنية""#))
                #expect(page.contains("q=\(words[0])%20\(words[1])"))
            }
            try await client.execute(uri: "/search?q=C%2B%2B&lang=en", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(#"value="C++""#))
                #expect(page.contains("q=C%2B%2B"))
                #expect(!page.contains("q=C++"), "the language switch keeps the plus escaped too")
            }
            try await client.execute(uri: "/api/v1/search?q=\(words[0])+\(words[1])", method: .get) { response in
                let json = try JSONValue.parse(Data(buffer: response.body))
                #expect(json["query"]?.string == "اللجنة الفنية")
            }
        }
    }

    @Test func searchPageEscapesTextAndMarksMatchesButNeverShowsRestrictedDocuments() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let query = "اللجنة".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            try await client.execute(uri: "/search?q=\(query)", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<mark>"))
                #expect(page.contains(fixture.publicHash))
            }
            let hidden = "أشغال".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            try await client.execute(uri: "/search?q=\(hidden)", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(!page.contains(fixture.restrictedHash))
                #expect(page.contains("لا توجد وثائق مطابقة"))
            }
            try await client.execute(uri: "/search?q=%3Cscript%3E", method: .get) { response in
                #expect(!String(buffer: response.body).contains("<script>"))
            }
        }
    }

    @Test func searchPageOffersFacetsAndSortWithoutCountingRestrictedDocuments() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let query = "الكرك".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            try await client.execute(uri: "/search?q=\(query)&lang=en", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(!page.contains("XLSX"))
                #expect(!page.contains(fixture.restrictedHash))
            }
            let open = "الإلكترونية".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            try await client.execute(uri: "/search?q=\(open)&lang=en&type=application/pdf", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("0 results"))
                #expect(page.contains("Clear filters"))
            }
            let agency = "وزارة الاقتصاد الرقمي والريادة".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await client.execute(uri: "/search?q=\(open)&lang=en&agency=\(agency)", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("1 results"))
                #expect(page.contains("Lead agency"))
            }
            try await client.execute(uri: "/search?q=\(open)&lang=en&sort=newest", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<strong>Newest</strong>"))
                #expect(page.contains("C2.M1"))
                #expect(page.contains("DOCX"))
            }
        }
    }

    @Test func restrictedDocumentsDoNotExistForVisitors() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for uri in ["/documents/\(fixture.restrictedHash)", "/documents/\(fixture.restrictedHash)/download",
                        "/api/v1/documents/\(fixture.restrictedHash)"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(!String(buffer: response.body).contains("كشف حضور"))
                }
            }
        }
    }

    @Test func documentPageAndDownloadServeThePublicOriginal() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/documents/\(fixture.publicHash)", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("ناقشت اللجنة الجدول الزمني لإطلاق"))
                #expect(page.contains(#"<pre class="text" dir="rtl">"#))
            }
            try await client.execute(uri: "/documents/\(fixture.publicHash)/download", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                let disposition = try #require(response.headers[.contentDisposition])
                #expect(disposition.hasPrefix("attachment;"))
                #expect(disposition.contains("filename*=UTF-8''%D9%85%D8%AD%D8%B6%D8%B1"))
                let original = try Data(contentsOf: Fixtures.url("docs/محضر اجتماع اللجنة الفنية للالتزام الثاني.docx"))
                #expect(Data(buffer: response.body) == original)
            }
        }
    }
}

@Suite struct PublicAPITests {
    static func validate(_ body: ByteBuffer, schema: String) throws {
        let validator = try JSONSchemaValidator(schema: try SchemaFiles.jsonSchema(named: schema))
        let violations = try validator.violations(of: Data(buffer: body))
        #expect(violations.isEmpty, "\(schema): \(violations)")
    }

    @Test func searchAPIAnswersLikeTheCLIForPublicDocumentsOnly() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let query = "الإلكترونية".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            try await client.execute(uri: "/api/v1/search?q=\(query)&commitment=C2", method: .get) { response in
                #expect(response.status == .ok)
                try Self.validate(response.body, schema: "search-response")
                let json = try JSONValue.parse(Data(buffer: response.body))
                #expect(json["results"]?.array?.compactMap { $0["sha256"]?.string } == [fixture.publicHash])
            }
            let hidden = "الكرك".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            try await client.execute(uri: "/api/v1/search?q=\(hidden)", method: .get) { response in
                let json = try JSONValue.parse(Data(buffer: response.body))
                #expect(!String(buffer: response.body).contains(fixture.restrictedHash))
                #expect(json["total"]?.number == 0)
            }
        }
    }

    @Test func apiErrorsUseTheOneErrorShape() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for (uri, status) in [("/api/v1/search", HTTPResponse.Status.badRequest), ("/api/v1/search?q=*", .badRequest),
                                  ("/api/v1/search?q=x&commitment=C99", .notFound), ("/api/v1/documents/nothex", .notFound)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri)")
                    try Self.validate(response.body, schema: "error")
                }
            }
        }
    }

    @Test func commitmentAPIsCountAndListPublicEvidenceOnly() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/commitments", method: .get) { response in
                #expect(response.status == .ok)
                try Self.validate(response.body, schema: "commitments")
                let json = try JSONValue.parse(Data(buffer: response.body))
                let second = json["commitments"]?.array?.first { $0["id"]?.string == "C2" }
                #expect(second?["evidenceCount"]?.number == 1)
            }
            try await client.execute(uri: "/api/v1/commitments/C2", method: .get) { response in
                try Self.validate(response.body, schema: "commitment")
                let json = try JSONValue.parse(Data(buffer: response.body))
                #expect(json["documents"]?.array == [.string(fixture.publicHash)])
                #expect(json["milestones"]?.array?.first?["documents"]?.array == [.string(fixture.publicHash)])
            }
            try await client.execute(uri: "/api/v1/commitments/C42", method: .get) { response in
                #expect(response.status == .notFound)
                try Self.validate(response.body, schema: "error")
            }
            try await client.execute(uri: "/api/v1/documents?commitment=C2", method: .get) { response in
                try Self.validate(response.body, schema: "listing")
                #expect(!String(buffer: response.body).contains(fixture.restrictedHash))
                #expect(String(buffer: response.body).contains(fixture.publicHash))
            }
        }
    }

    @Test func openAPIDocumentDescribesEveryRouteAndItsSchemasAreServed() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONValue.parse(Data(buffer: response.body))
                #expect(json["openapi"]?.string == "3.1.0")
                for path in ["/api/v1/search", "/api/v1/documents", "/api/v1/documents/{sha256}", "/api/v1/commitments",
                             "/api/v1/commitments/{id}", "/api/v1/plan", "/documents/{sha256}/download"] {
                    #expect(json["paths"]?[path] != nil, "\(path)")
                }
            }
            try await client.execute(uri: "/api/v1/json/document.schema.json", method: .get) { response in
                let schema = try JSONValue.parse(Data(buffer: response.body))
                #expect(response.status == .ok)
                #expect(schema["title"]?.string == "Document")
            }
            try await client.execute(uri: "/api/v1/json/nothing.schema.json", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func documentAndPlanAPIsValidateAgainstTheirSchemas() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/documents/\(fixture.publicHash)?text=1", method: .get) { response in
                #expect(response.status == .ok)
                try Self.validate(response.body, schema: "document")
                #expect(String(buffer: response.body).contains("\"text\""))
            }
            try await client.execute(uri: "/api/v1/plan", method: .get) { response in
                #expect(response.status == .ok)
                try Self.validate(response.body, schema: "plan")
            }
        }
    }
}

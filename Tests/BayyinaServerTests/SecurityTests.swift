import BayyinaCore
import BayyinaIndex
import BayyinaIngest
@testable import BayyinaServer
import BayyinaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Hostile uploads and requests against the running application: traversal, stored XSS, limits and types, and no
/// restricted data in answers.
@Suite struct SecurityTests {
    static func upload(_ client: any TestClientProtocol, secret: String, name: String, data: Data) async throws -> (HTTPResponse.Status, [JSONValue]) {
        let headers: HTTPFields = [.authorization: "Bearer \(secret)", .contentType: "multipart/form-data; boundary=\(StaffTests.boundary)"]
        return try await client.execute(uri: "/api/v1/documents", method: .post, headers: headers,
                                        body: StaffTests.multipart(fields: [], files: [(name, data)])) { response in
            (response.status, (try? JSONValue.parse(Data(buffer: response.body)).array) ?? [])
        }
    }

    @Test func aTraversingFileNameIsCutToItsLastComponentAndNothingLandsOutsideTheStore() async throws {
        let fixture = try await ServerFixture()
        let (_, secret) = try StaffSecrets.createToken(in: fixture.repository.index, name: "api", role: .uploader, agency: nil)
        let outside = fixture.folder.url.appendingPathComponent("escaped.txt")
        try await fixture.test { client in
            let (status, lines) = try await Self.upload(client, secret: secret, name: "../../escaped.txt", data: Data("محضر تجريبي\n".utf8))
            #expect(status == .ok)
            let hash = try #require(lines.first?["sha256"]?.string.flatMap(ContentHash.init(hex:)))
            #expect(try fixture.repository.index.metadata(hash)?.filenames == ["escaped.txt"])
        }
        #expect(!FileManager.default.fileExists(atPath: outside.path))
    }

    @Test func markupInUploadedHTMLNeverRunsOnOurPages() async throws {
        let fixture = try await ServerFixture()
        let (_, secret) = try StaffSecrets.createToken(in: fixture.repository.index, name: "api", role: .uploader, agency: nil)
        let page = """
            <html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; تقرير الورشة</title></head>
            <body><p>نتائج الورشة &lt;img src=x onerror=alert(2)&gt; والموازنة</p><script>alert(3)</script></body></html>
            """
        try await fixture.test { client in
            let (_, lines) = try await Self.upload(client, secret: secret, name: "report.html", data: Data(page.utf8))
            let sha = try #require(lines.first?["sha256"]?.string)
            for uri in ["/documents/\(sha)", "/search?q=" + "الموازنة".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, "/listing"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let body = String(buffer: response.body)
                    #expect(!body.contains("<script>alert") && !body.contains("<img src=x"), "\(uri)")
                    #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true, "\(uri)")
                }
            }
            try await client.execute(uri: "/documents/\(sha)/download", method: .get) { response in
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment") == true)
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
        }
    }

    @Test func fileOverTheLimitIs413AndAnExecutableIs415() async throws {
        let fixture = try await ServerFixture()
        let small = try Repository(root: fixture.folder.url.appendingPathComponent("small"), sizeLimit: 1024)
        let (_, secret) = try StaffSecrets.createToken(in: small.index, name: "api", role: .uploader, agency: nil)
        let app = try await buildApplication(repository: small, configuration: ServerConfiguration())
        try await app.test(.router) { client in
            let (large, _) = try await Self.upload(client, secret: secret, name: "big.txt", data: Data(repeating: 0x61, count: 4096))
            #expect(large == .contentTooLarge)
            let (executable, lines) = try await Self.upload(client, secret: secret, name: "tool.exe", data: Data("MZ\u{90}\u{00}binary".utf8))
            #expect(executable == .unsupportedMediaType && lines.first?["error"]?["code"]?.string == "disallowed_type")
        }
        #expect(try small.index.allHashes().isEmpty)
    }

    @Test func csrfSecretsAreComparedWholeAndOnlyWhole() {
        let session = StaffSession(token: StaffToken(id: 1, name: "r", role: .reviewer, agency: nil, createdAt: "", revokedAt: nil),
                                   csrfToken: String(repeating: "ab", count: 16))
        #expect(StaffAccess.validCSRF(String(repeating: "ab", count: 16), for: session))
        for forged in [nil, "", String(repeating: "ab", count: 15), String(repeating: "ab", count: 15) + "ac", String(repeating: "ab", count: 17)] {
            #expect(!StaffAccess.validCSRF(forged, for: session))
        }
    }

    @Test func answersAboutRestrictedDocumentsSayNothingOfThem() async throws {
        let fixture = try await ServerFixture()
        let title = try #require(try fixture.repository.index.metadata(ContentHash(hex: fixture.restrictedHash)!)?.title)
        try await fixture.test { client in
            for uri in ["/documents/\(fixture.restrictedHash)", "/documents/\(fixture.restrictedHash)/download", "/api/v1/documents/\(fixture.restrictedHash)"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let body = String(buffer: response.body)
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(!body.contains(title) && !body.contains("personal data") && !body.contains("restricted"), "\(uri)")
                }
            }
        }
    }
}

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

/// Sign-in with a token, CSRF-protected forms, uploads and editing; the upload and link APIs with a bearer token.
@Suite struct StaffTests {
    static let boundary = "bayyina-test-boundary"

    /// A multipart body with fields and files.
    static func multipart(fields: [(String, String)], files: [(name: String, data: Data)]) -> ByteBuffer {
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: body)
    }

    static let multipartHeaders: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]

    /// Signs in and returns the session cookie and the CSRF secret of its forms.
    static func signIn(_ client: any TestClientProtocol, secret: String) async throws -> (cookie: String, csrf: String) {
        let cookie = try await client.execute(
            uri: "/staff/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "token=\(secret)")) { response -> String in
            #expect(response.status == .seeOther)
            let header = try #require(response.headers[.setCookie])
            #expect(header.contains("HttpOnly") && header.contains("SameSite=Strict"))
            return String(header.split(separator: ";")[0])
        }
        let csrf = try await client.execute(uri: "/staff/upload", method: .get, headers: [.cookie: cookie]) { response -> String in
            #expect(response.status == .ok)
            let page = String(buffer: response.body)
            let marker = try #require(page.range(of: "name=\"csrf\" value=\""))
            return String(page[marker.upperBound...].prefix(64))
        }
        return (cookie, csrf)
    }

    @Test func signedInStaffUploadSeveralFilesWithCSRF() async throws {
        let fixture = try await ServerFixture()
        let (_, secret) = try StaffSecrets.createToken(in: fixture.repository.index, name: "MoDEE", role: .uploader, agency: "MoDEE")
        try await fixture.test { client in
            let (cookie, csrf) = try await Self.signIn(client, secret: secret)
            let files = [("تقرير الورشة.txt", Data("تقرير ورشة المحافظات عن منصة المشاركة".utf8)), ("empty.pdf", Data())]
            var headers = Self.multipartHeaders
            headers[.cookie] = cookie
            try await client.execute(uri: "/staff/upload", method: .post, headers: headers,
                                     body: Self.multipart(fields: [("csrf", csrf), ("milestone", "C2.M1")], files: files)) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("حُفظ وفُهرس"))
                #expect(page.contains("تقرير الورشة.txt"))
                #expect(page.contains("مرفوض"))
            }
            try await client.execute(uri: "/staff/upload", method: .post, headers: headers,
                                     body: Self.multipart(fields: [("csrf", "forged")], files: files)) { response in
                #expect(response.status == .forbidden)
            }
            let whole = Self.multipart(fields: [("csrf", csrf)], files: files)
            try await client.execute(uri: "/staff/upload", method: .post, headers: headers,
                                     body: whole.getSlice(at: 0, length: whole.readableBytes - 60)!) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("انقطع الرفع"))
            }
            try await client.execute(uri: "/staff/upload", method: .post, headers: Self.multipartHeaders,
                                     body: Self.multipart(fields: [("csrf", csrf)], files: files)) { response in
                #expect(response.status == .seeOther)
            }
        }
        let page = try fixture.repository.index.search(SearchRequest(query: try SearchQuery("المحافظات"), audience: .public))
        #expect(page.hits.first?.document.milestones.map(\.rawValue) == ["C2.M1"])
        #expect(page.hits.first?.document.filenames == ["تقرير الورشة.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.repository.blobs.staging.path).isEmpty)
    }

    @Test func signingOutEndsTheSession() async throws {
        let fixture = try await ServerFixture()
        let (_, secret) = try StaffSecrets.createToken(in: fixture.repository.index, name: "unit", role: .admin, agency: nil)
        try await fixture.test { client in
            let (cookie, csrf) = try await Self.signIn(client, secret: secret)
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: cookie]
            try await client.execute(uri: "/staff/signout", method: .post, headers: form, body: ByteBuffer(string: "csrf=forged")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/staff/signout", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(csrf)")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            try await client.execute(uri: "/staff/upload", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther)
            }
        }
    }

    @Test func aWrongOrRevokedTokenDoesNotSignIn() async throws {
        let fixture = try await ServerFixture()
        let (token, secret) = try StaffSecrets.createToken(in: fixture.repository.index, name: "old", role: .admin, agency: nil)
        #expect(try fixture.repository.index.revokeToken(id: token.id))
        try await fixture.test { client in
            for attempt in [secret, "bay_not-a-token"] {
                try await client.execute(uri: "/staff/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: "token=\(attempt)")) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.setCookie] == nil)
                }
            }
        }
    }

    @Test func reviewersEditLinksAndClassificationAndReadRestrictedOriginalsUploadersMayNotEdit() async throws {
        let fixture = try await ServerFixture()
        let (_, reviewer) = try StaffSecrets.createToken(in: fixture.repository.index, name: "unit", role: .reviewer, agency: nil)
        let (_, uploader) = try StaffSecrets.createToken(in: fixture.repository.index, name: "agency", role: .uploader, agency: nil)
        try await fixture.test { client in
            let (cookie, csrf) = try await Self.signIn(client, secret: reviewer)
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: cookie]
            try await client.execute(uri: "/staff/documents/\(fixture.publicHash)/links", method: .post, headers: form,
                                     body: ByteBuffer(string: "csrf=\(csrf)&target=C6.M1&action=link")) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/staff/documents/\(fixture.publicHash)/classification", method: .post, headers: form,
                                     body: ByteBuffer(string: "csrf=\(csrf)&level=restricted&access=withheld&legal_basis=privacy")) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/documents/\(fixture.restrictedHash)", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "private, no-store")
            }
            try await client.execute(uri: "/documents/\(fixture.restrictedHash)/download", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "private, no-store")
                #expect(response.body.readableBytes > 0)
            }
            try await client.execute(uri: "/documents/\(fixture.restrictedHash)/download", method: .get) { response in
                #expect(response.status == .notFound)
            }
            let (uploaderCookie, uploaderCSRF) = try await Self.signIn(client, secret: uploader)
            try await client.execute(uri: "/staff/documents/\(fixture.publicHash)/classification", method: .post,
                                     headers: [.contentType: "application/x-www-form-urlencoded", .cookie: uploaderCookie],
                                     body: ByteBuffer(string: "csrf=\(uploaderCSRF)&level=public&access=public")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/documents/\(fixture.publicHash)", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        let hash = try #require(ContentHash(hex: fixture.publicHash))
        let (document, _) = try #require(try fixture.repository.index.document(hash))
        #expect(document.milestones.map(\.rawValue).contains("C6.M1"))
        #expect(document.classification == .restricted)
        #expect(document.legalBasis == "privacy")
    }

    @Test func uploadAPINeedsABearerTokenAndAnswersWithIngestLines() async throws {
        let fixture = try await ServerFixture()
        let (_, secret) = try StaffSecrets.createToken(in: fixture.repository.index, name: "api", role: .uploader, agency: nil)
        try await fixture.test { client in
            let body = Self.multipart(fields: [("commitment", "C5")], files: [("notes.txt", Data("Integrity training notes".utf8))])
            try await client.execute(uri: "/api/v1/documents", method: .post, headers: Self.multipartHeaders, body: body) { response in
                #expect(response.status == .unauthorized)
                try PublicAPITests.validate(response.body, schema: "error")
            }
            var headers = Self.multipartHeaders
            headers[.authorization] = "Bearer \(secret)"
            try await client.execute(uri: "/api/v1/documents", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                let lines = try #require(try JSONValue.parse(Data(buffer: response.body)).array)
                #expect(lines.count == 1)
                #expect(lines.first?["status"]?.string == "ingested")
                let validator = try JSONSchemaValidator(schema: try SchemaFiles.jsonSchema(named: "ingest-result"))
                let items = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [Any])
                for item in items {
                    #expect(try validator.violations(of: try JSONSerialization.data(withJSONObject: item)).isEmpty)
                }
            }
            var truncated = Self.multipart(fields: [], files: [("cut.txt", Data(String(repeating: "سطر ", count: 5000).utf8))])
            truncated = truncated.getSlice(at: 0, length: truncated.readableBytes / 2)!
            try await client.execute(uri: "/api/v1/documents", method: .post, headers: headers, body: truncated) { response in
                #expect(response.status == .badRequest)
                try PublicAPITests.validate(response.body, schema: "error")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.repository.blobs.staging.path).isEmpty)
    }

    @Test func linkAPILetsReviewersChangeLinksOfAnyDocumentAndRefusesOthers() async throws {
        let fixture = try await ServerFixture()
        let (_, uploader) = try StaffSecrets.createToken(in: fixture.repository.index, name: "up", role: .uploader, agency: nil)
        let (_, reviewer) = try StaffSecrets.createToken(in: fixture.repository.index, name: "rev", role: .reviewer, agency: nil)
        @Sendable func headers(_ secret: String?) -> HTTPFields {
            var fields: HTTPFields = [.contentType: "application/json"]
            if let secret { fields[.authorization] = "Bearer \(secret)" }
            return fields
        }
        let change = ByteBuffer(string: #"{"link": ["C6.M1"], "unlink": ["C2"]}"#)
        try await fixture.test { client in
            let links = "/api/v1/documents/\(fixture.restrictedHash)/links"
            for (secret, status) in [(nil, HTTPResponse.Status.unauthorized), ("wrong", .unauthorized), (uploader, .forbidden)] {
                try await client.execute(uri: links, method: .post, headers: headers(secret), body: change) { response in
                    #expect(response.status == status)
                    try PublicAPITests.validate(response.body, schema: "error")
                }
            }
            let refusals: [(String, String, HTTPResponse.Status)] = [
                ("/api/v1/documents/\(String(repeating: "0", count: 64))/links", #"{"link": ["C1"]}"#, .notFound),
                (links, #"{"link": ["C1.X"]}"#, .badRequest), (links, #"{"link": ["C9"]}"#, .badRequest), (links, "not json", .badRequest),
                (links, #"{"link": [""# + String(repeating: #""C1","#, count: 20_000) + #""C1"]}"#, .contentTooLarge),
            ]
            for (uri, body, status) in refusals {
                try await client.execute(uri: uri, method: .post, headers: headers(reviewer), body: ByteBuffer(string: body)) { response in
                    #expect(response.status == status, "\(body)")
                    try PublicAPITests.validate(response.body, schema: "error")
                }
            }
            try await client.execute(uri: links, method: .post, headers: headers(reviewer), body: change) { response in
                #expect(response.status == .ok)
                try PublicAPITests.validate(response.body, schema: "document")
            }
        }
        let hash = try #require(ContentHash(hex: fixture.restrictedHash))
        let (document, _) = try #require(try fixture.repository.index.document(hash))
        #expect(document.milestones.map(\.rawValue) == ["C6.M1"])
        #expect(!document.commitments.map(\.rawValue).contains("C2"))
    }
}

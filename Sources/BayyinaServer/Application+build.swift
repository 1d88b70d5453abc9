public import BayyinaCore
import BayyinaIndex
public import BayyinaIngest
public import Hummingbird
import Foundation
import HTTPTypes

/// Where the server listens.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The address the public reaches the site at, for links in listings (default: the address a request came to).
    public var publicURL: String?
    /// Where dates of listings and reports come from.
    public var clock: any WallClock

    public init(host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil, clock: any WallClock = SystemClock()) {
        self.host = host
        self.port = port
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.clock = clock
    }
}

/// The composition root of the web application: public pages, the staff side and the JSON API over one repository,
/// with security headers and access logs. The CLI's `serve` and the tests build the same application.
public func buildApplication(repository: Repository, configuration: ServerConfiguration) async throws -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: AuditActorMiddleware(access: StaffAccess(repository: repository)))
    let templates = try await PageTemplates.load()
    PublicPages(repository: repository, templates: templates).register(on: router)
    StaffPages(repository: repository, templates: templates).register(on: router)
    SuggestionPages(repository: repository, templates: templates).register(on: router)
    PublicAPI(repository: repository).register(on: router)
    RegisterRoutes(repository: repository, templates: templates, configuration: configuration).register(on: router)
    RequestRoutes(repository: repository, templates: templates, configuration: configuration).register(on: router)
    StaffAPI(repository: repository).register(on: router)
    return Application(router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port)))
}

extension ServerConfiguration {
    /// Where links in listings and logs point: the configured public address, else the one the request came to.
    func baseURL(for request: Request) -> String {
        publicURL ?? "http://\(request.head.authority ?? "\(host):\(port)")"
    }
}

/// Builds the application, calls `built`, and serves until SIGINT or SIGTERM, then shuts down gracefully.
public func serve(repository: Repository, configuration: ServerConfiguration, built: () -> Void) async throws {
    let app = try await buildApplication(repository: repository, configuration: configuration)
    built()
    try await app.runService()
}

/// Headers that keep pages from being framed, sniffed or leaking referrers, and scripts from running.
/// A response that sets its own (stricter) Content-Security-Policy keeps it.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: HTTPField.Name { HTTPField.Name("Content-Security-Policy")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[Self.contentSecurityPolicy] == nil {
            response.headers[Self.contentSecurityPolicy] =
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        }
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}

/// Names who writes, for the audit trail: the signed-in staff member (session or bearer token) on any request that may
/// change something, `web` for an anonymous one.
struct AuditActorMiddleware<Context: RequestContext>: RouterMiddleware {
    let access: StaffAccess

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        let name = try access.session(request)?.token.name ?? access.bearer(request)?.name
        return try await AuditContext.$actor.withValue(name.map { "staff:\($0)" } ?? "web") { try await next(request, context) }
    }
}

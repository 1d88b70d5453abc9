import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import BayyinaListings
import Foundation
import Hummingbird

/// Access-to-information requests on the web: the public form and its receipt, the public disclosure log (page,
/// downloads and API), and the staff queue sorted by due date (reviewers and admins only: it holds personal data).
struct RequestRoutes: Sendable {
    let repository: Repository
    let templates: PageTemplates
    let configuration: ServerConfiguration

    func register(on router: Router<BasicRequestContext>) {
        router.get("/request") { request, _ in form(request, values: [:]) }
        router.post("/request") { request, _ in try await file(request) }
        router.get("/disclosure-log") { request, _ in try disclosurePage(request) }
        for format in ["csv", "json", "html"] {
            router.get("/disclosure-log.\(format)") { request, _ in try disclosureFile(format, request) }
        }
        router.get("/api/v1/disclosure-log") { request, _ in
            do {
                return try disclosureFile(request.formQuery["format"] ?? "json", request)
            } catch let error as BayyinaError {
                return PublicAPI.error(error, status: .badRequest)
            }
        }
        router.post("/api/v1/requests") { request, _ in
            do {
                let filed = try await fileFromForm(request)
                return PublicAPI.json(try PublicAPI.encode(RequestReceiptJSON(filed, on: today)), status: .created)
            } catch let error as BayyinaError {
                return PublicAPI.error(error, status: .badRequest)
            }
        }
        router.get("/staff/requests") { request, _ in try queue(request) }
        router.get("/staff/requests/:reference") { request, context in try detail(request, reference: context.parameters.get("reference") ?? "") }
    }

    private var today: CalendarDate { CalendarDate(configuration.clock.now()) }

    // MARK: Public form

    private func form(_ request: Request, values: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let kinds = Applicant.Kind.allCases.map { ["code": $0.rawValue, "label": UIStrings.strings(request.uiLanguage)["applicant_\($0.rawValue)"] ?? $0.rawValue] }
        return templates.response("request", values.merging(["kinds": kinds]) { old, _ in old }, request: request,
                                  title: UIStrings.strings(request.uiLanguage)["navRequest"] ?? "", status: status, noStore: true)
    }

    private func file(_ request: Request) async throws -> Response {
        do {
            let filed = try await fileFromForm(request)
            let language = request.uiLanguage
            return templates.response("request-receipt", [
                "reference": filed.reference, "received": filed.received.description, "due": filed.deadline.description,
                "workingDays": filed.rules.answerWorkingDays, "notice": ReceiptNotice(filed).text(language),
            ], request: request, title: UIStrings.strings(language)["requestFiled"] ?? "", status: .created, noStore: true)
        } catch let error as BayyinaError {
            return form(request, values: ["error": error.message(in: request.uiLanguage)], status: .badRequest)
        }
    }

    /// Files the request a form or an API call carries: received today, electronically.
    private func fileFromForm(_ request: Request) async throws -> AccessRequest {
        let fields = try await StaffAccess.formFields(request)
        func field(_ name: String) -> String? {
            fields[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let applicant = Applicant(kind: field("applicant_kind").flatMap(Applicant.Kind.init) ?? .natural, name: field("name") ?? "",
                                  nationality: field("nationality"), residence: field("residence"), contact: field("contact"))
        guard applicant.contact != nil else {
            throw BayyinaError(.invalidArgument, "Give a way to reach you (e-mail, telephone or address) so the answer can be sent.",
                               arabic: "اذكر وسيلة للتواصل معك (بريد إلكتروني أو هاتف أو عنوان) ليصلك الرد.")
        }
        return try repository.index.fileRequest(
            NewAccessRequest(received: today, channel: .electronic, applicant: applicant, subject: field("subject") ?? "",
                             preferredFormat: field("format")),
            by: "web", at: Timestamp.string(from: configuration.clock.now()))
    }

    // MARK: Disclosure log

    private func disclosureLog(_ request: Request) throws -> DisclosureLog {
        try DisclosureLog(index: repository.index, baseURL: configuration.baseURL(for: request), clock: configuration.clock)
    }

    private func disclosurePage(_ request: Request) throws -> Response {
        let language = request.uiLanguage
        let entries: [[String: Any]] = try disclosureLog(request).entries.map { entry in
            [
                "reference": entry.reference, "subject": entry.subject, "received": entry.received, "decided": entry.decided,
                "decision": language == .ar ? entry.decisionAr : entry.decisionEn, "legalGround": entry.legalGround ?? "",
                "documents": entry.documents.map { ["title": $0.title, "sha256": $0.sha256] },
            ]
        }
        return templates.response("disclosure-log", ["entries": entries, "total": entries.count], request: request,
                                  title: UIStrings.strings(language)["navDisclosure"] ?? "")
    }

    private func disclosureFile(_ format: String, _ request: Request) throws -> Response {
        let log = try disclosureLog(request)
        let (data, type): (Data, String) = switch format {
        case "csv": (Data(log.csv().utf8), "text/csv; charset=utf-8")
        case "json": (try log.json(), "application/json; charset=utf-8")
        case "html": (Data(try log.html().utf8), "text/html; charset=utf-8")
        default: throw BayyinaError(.invalidArgument, "format is json, csv or html.", arabic: "الصيغة json أو csv أو html.")
        }
        var response = Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        if format == "csv" { response.headers[.contentDisposition] = PublicPages.contentDisposition("bayyina-disclosure-log.csv", inline: false) }
        if format == "html" { response.headers[SecurityHeadersMiddleware<BasicRequestContext>.contentSecurityPolicy] = RegisterRoutes.policy(for: String(decoding: data, as: UTF8.self)) }
        return response
    }

    // MARK: Staff queue

    private func queue(_ request: Request) throws -> Response {
        let language = request.uiLanguage
        guard try StaffAccess(repository: repository).editor(request) != nil else { return templates.forbidden(request) }
        let day = today
        let rows: [[String: Any]] = try repository.index.requests().map { item in
            let view = AccessRequestJSON(item, on: day, calendar: try repository.index.workingCalendar(for: item.rules))
            return [
                "reference": item.reference, "received": view.received, "due": view.due, "status": Self.statusLabel(view.status, language),
                "late": !view.flags.isEmpty, "daysLeft": view.workingDaysLeft.map(String.init) ?? "—", "subject": item.subject,
                "applicant": item.applicant.name,
            ]
        }
        return templates.response("request-queue", ["requests": rows, "asOf": day.description], request: request,
                                  title: UIStrings.strings(language)["requestQueue"] ?? "", noStore: true)
    }

    private func detail(_ request: Request, reference: String) throws -> Response {
        let language = request.uiLanguage
        guard try StaffAccess(repository: repository).editor(request) != nil else { return templates.forbidden(request) }
        guard let item = try repository.index.request(reference) else {
            return templates.response("message", ["message": UIStrings.strings(language)["notFound"] ?? ""], request: request,
                                      title: UIStrings.strings(language)["notFound"] ?? "", status: .notFound)
        }
        let view = AccessRequestJSON(item, on: today, calendar: try repository.index.workingCalendar(for: item.rules))
        return templates.response("request-detail", [
            "reference": item.reference, "status": Self.statusLabel(view.status, language), "received": view.received, "due": view.due,
            "channel": item.channel.rawValue, "applicant": item.applicant.name, "contact": item.applicant.contact ?? "—",
            "nationality": item.applicant.nationality ?? "—", "residence": item.applicant.residence ?? "—", "subject": item.subject,
            "decision": item.decision?.label(language) ?? "—", "legalGround": item.legalGround ?? "—",
            "history": item.history.map { ["at": $0.at, "kind": $0.kind, "actor": $0.actor,
                                           "details": $0.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")] },
        ], request: request, title: item.reference, noStore: true)
    }

    static func statusLabel(_ status: String, _ language: UILanguage) -> String {
        if let decision = RequestDecision(rawValue: status) { return decision.label(language) }
        return UIStrings.strings(language)["request_\(status)"] ?? status
    }
}

/// What filing a request answers: `{"reference", "received", "due", "status"}`.
struct RequestReceiptJSON: Encodable {
    var reference: String
    var received: String
    var due: String
    var status: String

    init(_ request: AccessRequest, on day: CalendarDate) {
        reference = request.reference
        received = request.received.description
        due = request.deadline.description
        status = request.status(on: day).rawValue
    }
}

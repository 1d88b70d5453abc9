import BayyinaCore
import BayyinaIngest
import Foundation
import Hummingbird

/// The reviewers' queue of link suggestions: each with its document, target, confidence and reason, to accept (the
/// document is linked, recorded as suggested then accepted by the signed-in reviewer) or reject (never proposed again).
struct SuggestionPages: Sendable {
    let repository: Repository
    let templates: PageTemplates

    func register(on router: Router<BasicRequestContext>) {
        router.get("/staff/suggestions") { request, _ in try queue(request) }
        router.post("/staff/suggestions/:id") { request, context in try await decide(request, id: context.parameters.get("id") ?? "") }
    }

    /// The rows a template shows for open suggestions, with the forms' CSRF secret and where to come back to.
    static func rows(_ suggestions: [StoredSuggestion], language: UILanguage) -> [[String: Any]] {
        suggestions.map { stored in
            [
                "id": String(stored.id), "sha256": stored.sha256.hex, "title": stored.documentTitle, "target": stored.suggestion.target.rawValue,
                "commitment": stored.suggestion.target.commitment.rawValue,
                "confidence": "\(Int((stored.suggestion.confidence * 100).rounded()))%",
                "reason": (language == .ar ? stored.suggestion.reason.ar : stored.suggestion.reason.en) ?? "",
            ]
        }
    }

    private func queue(_ request: Request) throws -> Response {
        let language = request.uiLanguage
        guard let session = try StaffAccess(repository: repository).editor(request) else { return templates.forbidden(request) }
        let minimum = request.uri.queryParameters.get("min").flatMap(Double.init).map { min(max($0, 0), 1) } ?? 0.5
        let suggestions = try repository.index.openSuggestions(minimumConfidence: minimum, limit: 500)
        return templates.response("suggestions", [
            "suggestions": Self.rows(suggestions, language: language), "csrf": session.csrfToken, "count": suggestions.count,
            "minimum": String(format: "%.2f", minimum), "returnTo": "/staff/suggestions?min=\(minimum)&lang=\(language.rawValue)",
        ], request: request, title: UIStrings.strings(language)["suggestionQueue"] ?? "", noStore: true)
    }

    private func decide(_ request: Request, id: String) async throws -> Response {
        let fields = try await StaffAccess.formFields(request)
        guard let session = try StaffAccess(repository: repository).editor(request), StaffAccess.validCSRF(fields["csrf"], for: session) else {
            return templates.forbidden(request)
        }
        do {
            guard let number = Int64(id), let action = fields["action"], ["accept", "reject"].contains(action) else {
                throw BayyinaError(.invalidArgument, "Accept or reject the suggestion.", arabic: "اقبل الاقتراح أو ارفضه.")
            }
            _ = action == "accept"
                ? try repository.index.acceptSuggestion(number, by: session.token.name)
                : try repository.index.rejectSuggestion(number, by: session.token.name)
        } catch let error as BayyinaError {
            let strings = UIStrings.strings(request.uiLanguage)
            return templates.response("message", ["message": error.message(in: request.uiLanguage)], request: request,
                                      title: strings["badRequest"] ?? "", status: error.code == .unknownSuggestion ? .notFound : .badRequest,
                                      noStore: true)
        }
        // Back to where the form was, if it is one of ours.
        let back = fields["return_to"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil }
        return StaffPages.redirect(back ?? "/staff/suggestions?lang=\(request.uiLanguage.rawValue)")
    }

}

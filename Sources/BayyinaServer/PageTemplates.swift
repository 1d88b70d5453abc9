import BayyinaCore
import Foundation
import Mustache

/// The Mustache templates and style sheet of the public pages, shipped as resources.
struct PageTemplates: Sendable {
    let library: MustacheLibrary
    let styleSheet: String

    static func load() async throws -> PageTemplates {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw BayyinaError(.fileNotFound, "The page templates are missing from this installation.",
                               arabic: "قوالب الصفحات غير موجودة في هذا التثبيت.")
        }
        let library = try await MustacheLibrary(directory: folder.path)
        let styleSheet = try String(contentsOf: folder.appendingPathComponent("site.css"), encoding: .utf8)
        return PageTemplates(library: library, styleSheet: styleSheet)
    }

    /// Renders a page with the language, its direction and its strings added to the values.
    func render(_ name: String, _ values: [String: Any], language: UILanguage, title: String, path: String) -> String {
        var context = values
        context["lang"] = language.rawValue
        context["dir"] = language == .ar ? "rtl" : "ltr"
        context["otherLang"] = language == .ar ? "en" : "ar"
        context["otherLanguageURL"] = PageTemplates.url(path, language: language == .ar ? .en : .ar)
        context["t"] = UIStrings.strings(language)
        context["pageTitle"] = title
        return library.render(context, withTemplate: name) ?? ""
    }

    /// A path with the language parameter set, keeping its other parameters.
    static func url(_ path: String, language: UILanguage) -> String {
        let parts = path.split(separator: "?", maxSplits: 1)
        let items = (parts.count > 1 ? FormEncoding.items(String(parts[1])) : []).filter { $0.name != "lang" }
        return "\(parts.first ?? "")?" + FormEncoding.encode(items + [URLQueryItem(name: "lang", value: language.rawValue)])
    }
}

import Hummingbird

extension PageTemplates {
    /// A rendered page as a response; a page with personal or restricted data is never cached.
    func response(
        _ name: String, _ values: [String: Any], request: Request, title: String, status: HTTPResponse.Status = .ok, noStore: Bool = false
    ) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        if noStore { headers[.cacheControl] = "no-store" }
        let page = render(name, values, language: request.uiLanguage, title: title, path: request.uri.description)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// The 403 page of staff routes: not allowed, or the form expired.
    func forbidden(_ request: Request) -> Response {
        let text = UIStrings.strings(request.uiLanguage)["forbidden"] ?? ""
        return response("message", ["message": text], request: request, title: text, status: .forbidden, noStore: true)
    }
}

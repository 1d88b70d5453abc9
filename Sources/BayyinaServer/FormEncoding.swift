import BayyinaCore
import Foundation
import Hummingbird

/// `application/x-www-form-urlencoded` text, as browsers send query strings and form bodies: percent-encoded, with
/// `+` for a space.
enum FormEncoding {
    /// The items of the encoded text, in order.
    static func items(_ encoded: String) -> [URLQueryItem] {
        var components = URLComponents()
        components.percentEncodedQuery = encoded.replacingOccurrences(of: "+", with: "%20")
        return components.queryItems ?? []
    }

    /// The first value of each name in the encoded text.
    static func decode(_ encoded: String) -> [String: String] {
        var fields: [String: String] = [:]
        for item in items(encoded) where fields[item.name] == nil { fields[item.name] = item.value ?? "" }
        return fields
    }

    /// The query string of items, with `+` escaped so that it does not read back as a space.
    static func encode(_ items: [URLQueryItem]) -> String {
        var components = URLComponents()
        components.queryItems = items
        return (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }
}

extension Request {
    /// The parameters of the query string, decoded as a browser's form encodes them.
    var formQuery: [String: String] { FormEncoding.decode(uri.query ?? "") }

    /// The language a page is asked for: English with `lang=en`, Arabic otherwise.
    var uiLanguage: UILanguage { formQuery["lang"] == "en" ? .en : .ar }
}

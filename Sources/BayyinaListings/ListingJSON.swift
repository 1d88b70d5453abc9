public import BayyinaCore
public import Foundation

extension Listing {
    /// `Schemas/json/listing.schema.json`: `{"audience", "generatedAt", "filter", "total", "entries": [...]}`.
    public func json() throws(BayyinaError) -> Data {
        struct Body: Encodable {
            var audience: Audience
            var generatedAt: String
            var filter: ListingFilter
            var total: Int
            var entries: [Entry]
        }
        return try JSONOutput.encode(Body(audience: audience, generatedAt: generatedAt, filter: filter, total: entries.count, entries: entries))
    }

    /// The register as a DCAT 3 catalogue in JSON-LD: a `dcat:Catalog` of `dcat:Dataset`s, each with its
    /// `dcat:Distribution` when it can be obtained.
    public func jsonLD() throws(BayyinaError) -> Data {
        try JSONOutput.encode(DCAT.Catalog(
            id: "\(baseURL)/listing.jsonld",
            title: DCAT.texts(ar: "سجل وثائق خطة العمل الوطنية للحكومة المنفتحة", en: "Register of the open-government action plan evidence"),
            modified: DCAT.Typed(value: generatedAt, type: "xsd:dateTime"), homepage: DCAT.Reference(id: baseURL + "/"),
            dataset: entries.map { DCAT.Dataset($0, baseURL: baseURL) }))
    }
}

/// JSON as Bayyina writes it: sorted keys, slashes unescaped.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws(BayyinaError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            throw BayyinaError(.invalidArgument, "The result could not be written as JSON.", underlying: error)
        }
    }
}

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
        let catalog: [String: Any] = [
            "@context": [
                "dcat": "http://www.w3.org/ns/dcat#", "dcterms": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/",
                "spdx": "http://spdx.org/rdf/terms#", "xsd": "http://www.w3.org/2001/XMLSchema#",
            ],
            "@id": "\(baseURL)/listing.jsonld",
            "@type": "dcat:Catalog",
            "dcterms:title": Self.texts(ar: "سجل وثائق خطة العمل الوطنية للحكومة المنفتحة", en: "Register of the open-government action plan evidence"),
            "dcterms:modified": ["@value": generatedAt, "@type": "xsd:dateTime"],
            "foaf:homepage": ["@id": baseURL + "/"],
            "dcat:dataset": entries.map(dataset),
        ]
        do {
            return try JSONSerialization.data(withJSONObject: catalog, options: [.sortedKeys, .withoutEscapingSlashes])
        } catch {
            throw BayyinaError(.invalidArgument, "The listing could not be written as JSON-LD.", underlying: error)
        }
    }

    private func dataset(_ entry: Entry) -> [String: Any] {
        var dataset: [String: Any] = [
            "@id": "\(baseURL)/documents/\(entry.sha256)",
            "@type": "dcat:Dataset",
            "dcterms:identifier": entry.reference,
            "dcterms:title": Self.texts(ar: entry.titleAr, en: entry.titleEn),
            "dcterms:type": ["@id": "\(baseURL)/types/\(entry.type)"],
            "dcterms:language": entry.languages.map { ["@id": "http://id.loc.gov/vocabulary/iso639-1/\($0)"] },
            "dcterms:accessRights": ["@id": "http://publications.europa.eu/resource/authority/access-right/" + Self.accessRight(entry.accessStatus)],
            "dcterms:relation": (entry.commitments + entry.milestones).map { ["@id": "\(baseURL)/commitments/\($0)"] },
            "dcat:landingPage": ["@id": "\(baseURL)/documents/\(entry.sha256)"],
        ]
        let descriptions = Self.texts(ar: entry.descriptionAr, en: entry.descriptionEn)
        if !descriptions.isEmpty { dataset["dcterms:description"] = descriptions }
        if let date = entry.documentDate { dataset["dcterms:created"] = ["@value": date, "@type": "xsd:date"] }
        if let date = entry.datePublished { dataset["dcterms:issued"] = ["@value": date, "@type": "xsd:date"] }
        let agency = Self.texts(ar: entry.agencyAr, en: entry.agencyEn)
        if !agency.isEmpty { dataset["dcterms:publisher"] = ["@type": "foaf:Agent", "foaf:name": agency] }
        if let url = entry.url {
            dataset["dcat:distribution"] = [[
                "@type": "dcat:Distribution",
                "dcat:downloadURL": ["@id": url],
                "dcat:mediaType": ["@id": "https://www.iana.org/assignments/media-types/\(entry.mediaType)"],
                "dcterms:format": entry.format,
                "dcat:byteSize": ["@value": String(entry.size), "@type": "xsd:nonNegativeInteger"],
                "spdx:checksum": [
                    "@type": "spdx:Checksum", "spdx:algorithm": ["@id": "spdx:checksumAlgorithm_sha256"],
                    "spdx:checksumValue": ["@value": entry.sha256, "@type": "xsd:hexBinary"],
                ] as [String: Any],
            ] as [String: Any]]
        }
        return dataset
    }

    private static func accessRight(_ status: String) -> String {
        switch status {
        case "public": "PUBLIC"
        case "partial": "RESTRICTED"
        default: "NON_PUBLIC"
        }
    }

    private static func texts(ar: String?, en: String?) -> [[String: String]] {
        [(ar, "ar"), (en, "en")].compactMap { text, language in text.map { ["@value": $0, "@language": language] } }
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

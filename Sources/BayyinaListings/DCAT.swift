/// The DCAT 3 vocabulary as Bayyina writes it in JSON-LD.
enum DCAT {
    struct Reference: Encodable {
        var id: String
        enum CodingKeys: String, CodingKey { case id = "@id" }
    }

    struct Typed: Encodable {
        var value: String
        var type: String
        enum CodingKeys: String, CodingKey { case value = "@value", type = "@type" }
    }

    struct Text: Encodable {
        var value: String
        var language: String
        enum CodingKeys: String, CodingKey { case value = "@value", language = "@language" }
    }

    struct Context: Encodable {
        var dcat = "http://www.w3.org/ns/dcat#"
        var dcterms = "http://purl.org/dc/terms/"
        var foaf = "http://xmlns.com/foaf/0.1/"
        var spdx = "http://spdx.org/rdf/terms#"
        var xsd = "http://www.w3.org/2001/XMLSchema#"
    }

    struct Catalog: Encodable {
        var context = Context()
        var id: String
        var type = "dcat:Catalog"
        var title: [Text]
        var modified: Typed
        var homepage: Reference
        var dataset: [Dataset]
        enum CodingKeys: String, CodingKey {
            case context = "@context", id = "@id", type = "@type", title = "dcterms:title", modified = "dcterms:modified"
            case homepage = "foaf:homepage", dataset = "dcat:dataset"
        }
    }

    struct Agent: Encodable {
        var type = "foaf:Agent"
        var name: [Text]
        enum CodingKeys: String, CodingKey { case type = "@type", name = "foaf:name" }
    }

    struct Checksum: Encodable {
        var type = "spdx:Checksum"
        var algorithm = Reference(id: "spdx:checksumAlgorithm_sha256")
        var value: Typed
        enum CodingKeys: String, CodingKey { case type = "@type", algorithm = "spdx:algorithm", value = "spdx:checksumValue" }
    }

    struct Distribution: Encodable {
        var type = "dcat:Distribution"
        var downloadURL: Reference
        var mediaType: Reference
        var format: String
        var byteSize: Typed
        var checksum: Checksum
        enum CodingKeys: String, CodingKey {
            case type = "@type", downloadURL = "dcat:downloadURL", mediaType = "dcat:mediaType", format = "dcterms:format"
            case byteSize = "dcat:byteSize", checksum = "spdx:checksum"
        }
    }

    struct Dataset: Encodable {
        var id: String
        var type = "dcat:Dataset"
        var identifier: String
        var title: [Text]
        var description: [Text]?
        var kind: Reference
        var language: [Reference]
        var accessRights: Reference
        var relation: [Reference]
        var landingPage: Reference
        var created: Typed?
        var issued: Typed?
        var publisher: Agent?
        var distribution: [Distribution]?
        enum CodingKeys: String, CodingKey {
            case id = "@id", type = "@type", identifier = "dcterms:identifier", title = "dcterms:title"
            case description = "dcterms:description", kind = "dcterms:type", language = "dcterms:language"
            case accessRights = "dcterms:accessRights", relation = "dcterms:relation", landingPage = "dcat:landingPage"
            case created = "dcterms:created", issued = "dcterms:issued", publisher = "dcterms:publisher", distribution = "dcat:distribution"
        }

        init(_ entry: Listing.Entry, baseURL: String) {
            let page = "\(baseURL)/documents/\(entry.sha256)"
            id = page
            identifier = entry.reference
            title = DCAT.texts(ar: entry.titleAr, en: entry.titleEn)
            let descriptions = DCAT.texts(ar: entry.descriptionAr, en: entry.descriptionEn)
            description = descriptions.isEmpty ? nil : descriptions
            kind = Reference(id: "\(baseURL)/types/\(entry.type)")
            language = entry.languages.map { Reference(id: "http://id.loc.gov/vocabulary/iso639-1/\($0)") }
            accessRights = Reference(id: "http://publications.europa.eu/resource/authority/access-right/" + DCAT.accessRight(entry.accessStatus))
            relation = (entry.commitments + entry.milestones).map { Reference(id: "\(baseURL)/commitments/\($0)") }
            landingPage = Reference(id: page)
            created = entry.documentDate.map { Typed(value: $0, type: "xsd:date") }
            issued = entry.datePublished.map { Typed(value: $0, type: "xsd:date") }
            let agency = DCAT.texts(ar: entry.agencyAr, en: entry.agencyEn)
            publisher = agency.isEmpty ? nil : Agent(name: agency)
            distribution = entry.url.map { url in
                [Distribution(
                    downloadURL: Reference(id: url), mediaType: Reference(id: "https://www.iana.org/assignments/media-types/\(entry.mediaType)"),
                    format: entry.format, byteSize: Typed(value: String(entry.size), type: "xsd:nonNegativeInteger"),
                    checksum: Checksum(value: Typed(value: entry.sha256, type: "xsd:hexBinary")))]
            }
        }
    }

    static func accessRight(_ status: String) -> String {
        switch status {
        case "public": "PUBLIC"
        case "partial": "RESTRICTED"
        default: "NON_PUBLIC"
        }
    }

    static func texts(ar: String?, en: String?) -> [Text] {
        [(ar, "ar"), (en, "en")].compactMap { text, language in text.map { Text(value: $0, language: language) } }
    }
}

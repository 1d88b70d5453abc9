@testable import BayyinaExtraction
import BayyinaTestSupport
import Foundation
import Testing

/// A one-page PDF written object by object, with the extras a test needs in its catalog and Info dictionary and an
/// optional XMP metadata stream, as written or hex-encoded (so that its bytes never show the packet).
private func minimalPDF(text: String, info: String, catalog: String = "", xmp: String? = nil, hexEncodedXMP: Bool = false) -> Data {
    let content = "BT /F1 12 Tf 72 720 Td (\(text)) Tj ET"
    var objects = [
        "<< /Type /Catalog /Pages 2 0 R \(catalog)\(xmp == nil ? "" : " /Metadata 7 0 R") >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< \(info) >>",
    ]
    if let xmp {
        let body = hexEncodedXMP ? xmp.utf8.map { String(format: "%02X", $0) }.joined() + ">" : xmp
        let filter = hexEncodedXMP ? " /Filter /ASCIIHexDecode" : ""
        objects.append("<< /Type /Metadata /Subtype /XML\(filter) /Length \(body.utf8.count) >>\nstream\n\(body)\nendstream")
    }
    var file = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
        offsets.append(file.utf8.count)
        file += "\(index + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = file.utf8.count
    file += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    file += offsets.map { String(repeating: "0", count: 10 - String($0).count) + "\($0) 00000 n \n" }.joined()
    file += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 6 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(file.utf8)
}

@Suite struct PDFStructureTests {
    @Test func versionTaggingAndEncryptionComeFromTheBytes() throws {
        let office = PDFStructure(contentsOf: Fixtures.url("docs/integrity_index_2022_summary.pdf"))
        #expect(office == PDFStructure(bytes: try Data(contentsOf: Fixtures.url("docs/integrity_index_2022_summary.pdf"))))
        #expect(office.version == "1.6")
        #expect(office.tagged == false)
        #expect(!office.encrypted)
        let protected = PDFStructure(contentsOf: Fixtures.url("generated/permissions_only.pdf"))
        #expect(protected.encrypted)
        #expect(protected.version == "1.7")
        let tagged = PDFStructure(bytes: minimalPDF(text: "x", info: "", catalog: "/MarkInfo << /Marked true >>"))
        #expect(tagged.tagged == true)
    }

    @Test func taggingIsUnknownWhenTheCatalogMayBeCompressed() {
        let packed = PDFStructure(bytes: Data("%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 3 >>\nstream\nx\nendstream\nendobj\n".utf8))
        #expect(packed.tagged == nil)
        #expect(PDFStructure(bytes: Data("not a pdf".utf8)).version == nil)
    }

    @Test(arguments: [false, true])
    func theXMPPacketFillsWhatTheInfoDictionaryLacksHoweverItIsEncoded(hexEncoded: Bool) async throws {
        let xmp = """
            <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Irbid workshop report</rdf:li></rdf:Alt></dc:title>
            </rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>
            """
        let folder = try TemporaryDirectory()
        let file = try folder.file("report.pdf", contents: minimalPDF(
            text: "Workshop on e-participation", info: "/Author (Unit)", xmp: xmp, hexEncodedXMP: hexEncoded))
        let (_, content) = try await ExtractorRegistry().extract(fileAt: file, fileName: "report.pdf")
        #expect(content.metadataTitle == "Irbid workshop report")
        #expect(content.author == "Unit")
        #expect(content.text.contains("Workshop on e-participation"))
        #expect(content.pages == 1)
    }

    @Test func infoValuesAndTheTextKeepMarkupCharactersAsWritten() async throws {
        let folder = try TemporaryDirectory()
        let file = try folder.file("budget.pdf", contents: minimalPDF(
            text: "Budget &amp; <pre> x > y & z </pre>", info: "/Title (Q&A <draft> \"final\") /CreationDate (D:20230420080000Z)"))
        let (_, content) = try await ExtractorRegistry().extract(fileAt: file, fileName: "budget.pdf")
        #expect(content.metadataTitle == "Q&A <draft> \"final\"")
        #expect(content.created == "2023-04-20T08:00:00Z")
        #expect(content.text.contains("Budget &amp; <pre> x > y & z </pre>"))
    }

    @Test func aWorkerReplySplitsIntoStatusTextAndInfo() {
        let text = "page one\u{0C}end 0\nstatus 2\u{0C}"
        let reply = "status 2\nokTitle 7\n T & B CreationDate 23\nD:20230420080000+03'00'Keywords 0\n"
            + "text \(text.utf8.count)\n\(text)end 0\nstatus 6\nlocked"
        let bytes = Array(reply.utf8)
        guard case .reply(let parsed, let length) = PDFTextReply.parse(bytes[...]) else {
            Issue.record("no reply parsed")
            return
        }
        #expect(parsed.status == .ok)
        #expect(String(decoding: parsed.text, as: UTF8.self) == text)
        #expect(parsed.info == ["Title": "T & B", "CreationDate": "2023-04-20T08:00:00+03:00"])
        #expect(String(decoding: bytes[length...], as: UTF8.self) == "status 6\nlocked")
        #expect(PDFTextReply.parse(bytes[..<(length - 3)]) == .incomplete)
        #expect(PDFTextReply.parse(Array("Syntax Error: Couldn't find trailer dictionary\n".utf8)[...]) == .malformed)
        #expect(PDFTextReply.parse(Array("status 7\nunknownend 0\n".utf8)[...]) == .malformed)
    }

    @Test func pdfDatesBecomeISODatesWithTheirOffsets() {
        #expect(PDFTextReply.isoDate("D:20230420080000Z") == "2023-04-20T08:00:00Z")
        #expect(PDFTextReply.isoDate("D:20230420080000-05'30") == "2023-04-20T08:00:00-05:30")
        #expect(PDFTextReply.isoDate("D:202304201015") == "2023-04-20T10:15:00Z")
        #expect(PDFTextReply.isoDate("2023") == "2023-01-01T00:00:00Z")
        #expect(PDFTextReply.isoDate("D:20231320") == nil)
        #expect(PDFTextReply.isoDate("yesterday") == nil)
    }

    @Test func compatibilityFoldingIsSkippedOnlyWhereNFKCChangesNothing() {
        let samples = [
            "محضر اجتماع اللجنة الفنية تنفيذاً للالتزام", "Minutes of the forum, 20 March 2022", "\u{0627}\u{0654}",
            "\u{0628}\u{0651}\u{064E}", "\u{0628}\u{064E}\u{0651}", "e\u{0301}t\u{00E9}", "a\u{00A0}b", "\u{FEFB}\u{FDF2}",
            "\u{0675}", "x\u{2126}", "ﬁle",
        ]
        for sample in samples {
            #expect(PDFExtractor.clean(sample) == sample.precomposedStringWithCompatibilityMapping, "\(sample.unicodeScalars.map(\.value))")
        }
    }
}

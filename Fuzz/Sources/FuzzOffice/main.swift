@testable import BayyinaExtraction
import FuzzSupport

/// The same bytes through the OOXML and ODF readers (ZIP container, XML parts).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let url = inputFile(input(start, count), extension: "zip")
    let limits = ExtractionLimits()
    _ = try? WordprocessingExtractor(limits: limits).extract(url)
    _ = try? SpreadsheetExtractor(limits: limits).extract(url)
    _ = try? PresentationExtractor(limits: limits).extract(url)
    _ = try? OpenDocumentExtractor(format: .odt, limits: limits).extract(url)
    return 0
}

@main
struct FuzzOffice {
    static func main() { fuzz(testOneInput) }
}

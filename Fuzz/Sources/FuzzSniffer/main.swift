import BayyinaExtraction
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = try? TypeSniffer.sniff(fileAt: inputFile(input(start, count), extension: "bin"), fileName: "input.pdf", limits: ExtractionLimits())
    return 0
}

@main
struct FuzzSniffer {
    static func main() { fuzz(testOneInput) }
}

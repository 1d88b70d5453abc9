@testable import BayyinaExtraction
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = HTMLExtractor().extract(input(start, count))
    return 0
}

@main
struct FuzzHTML {
    static func main() { fuzz(testOneInput) }
}

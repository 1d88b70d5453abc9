@testable import BayyinaExtraction
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = EmailExtractor().extract(input(start, count))
    return 0
}

@main
struct FuzzEmail {
    static func main() { fuzz(testOneInput) }
}

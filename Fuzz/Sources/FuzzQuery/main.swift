import BayyinaCore
import BayyinaIndex
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: input(start, count), as: UTF8.self)
    _ = ArabicNormalizer.normalize(text)
    _ = try? SearchQuery(text)
    return 0
}

@main
struct FuzzQuery {
    static func main() { fuzz(testOneInput) }
}

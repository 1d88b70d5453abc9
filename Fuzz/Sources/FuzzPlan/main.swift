import BayyinaCore
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = try? PlanFile.decode(input(start, count))
    return 0
}

@main
struct FuzzPlan {
    static func main() { fuzz(testOneInput) }
}

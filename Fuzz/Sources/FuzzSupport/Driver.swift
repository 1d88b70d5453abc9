import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with the command line's options over `callback`.
public func fuzz(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runDriver(&argc, &argv, callback))
}

/// The input as bytes.
public func input(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Data {
    start.map { Data(bytes: $0, count: count) } ?? Data()
}

/// The input written to a file with the given extension in a private folder, for readers that take a file.
public func inputFile(_ data: Data, extension fileExtension: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bayyina-fuzz-\(getpid()).\(fileExtension)")
    try? data.write(to: url)
    return url
}

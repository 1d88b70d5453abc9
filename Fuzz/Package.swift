// swift-tools-version:6.1
// libFuzzer targets for Bayyina's parsers. Build and run with `make fuzz` (ASan + libFuzzer, linked with lld).
import Foundation
import PackageDescription

/// A path dependency is named after its folder, whatever the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let targets = ["FuzzQuery", "FuzzSniffer", "FuzzHTML", "FuzzOffice", "FuzzEmail", "FuzzPlan"]

let package = Package(
    name: "BayyinaFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
    ] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "BayyinaParsers", package: root)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    }
)

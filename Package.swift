// swift-tools-version: 6.1
import PackageDescription

/// One set of compiler settings for every target.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Bayyina",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bayyina", targets: ["bayyina"]),
        // The long-lived PDF reader (poppler-cpp) that `bayyina` starts as a child, beside it in the build folder.
        .executable(name: "bayyina-pdftext", targets: ["bayyina-pdftext"]),
        // In-process timings for `make bench`: hashing and storing, and the search library call.
        .executable(name: "bayyina-bench", targets: ["bayyina-bench"]),
        // The parsers of untrusted input, for the libFuzzer targets in Fuzz/.
        .library(name: "BayyinaParsers", targets: ["BayyinaCore", "BayyinaExtraction", "BayyinaIndex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", exact: "1.0.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
    ],
    targets: [
        .target(name: "BayyinaCore", swiftSettings: swiftSettings),
        .target(
            name: "BayyinaSchemas",
            path: "Schemas",
            sources: ["Schemas.swift"],
            resources: [.copy("sql"), .copy("json"), .copy("openapi.yaml")],
            swiftSettings: swiftSettings
        ),
        .target(name: "CFileSystem"),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "BayyinaDigest",
            dependencies: ["BayyinaCore", "COpenSSL"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BayyinaStorage",
            dependencies: ["BayyinaCore", "BayyinaDigest", "CFileSystem"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BayyinaExtraction",
            dependencies: [
                "BayyinaCore", "CLibXML2", "CZlib",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BayyinaIndex",
            dependencies: ["BayyinaCore", "BayyinaDigest", "BayyinaSchemas", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(name: "BayyinaLinking", dependencies: ["BayyinaCore"], swiftSettings: swiftSettings),
        .target(
            name: "BayyinaIngest",
            dependencies: ["BayyinaCore", "BayyinaStorage", "BayyinaExtraction", "BayyinaIndex", "BayyinaLinking"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BayyinaListings",
            dependencies: [
                "BayyinaCore", "BayyinaDigest", "BayyinaIndex", "BayyinaStorage", .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BayyinaServer",
            dependencies: [
                "BayyinaCore", "BayyinaDigest", "BayyinaIndex", "BayyinaIngest", "BayyinaListings", "BayyinaSchemas", "BayyinaStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Templates")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "bayyina",
            dependencies: [
                "BayyinaCore", "BayyinaStorage", "BayyinaExtraction", "BayyinaIndex", "BayyinaIngest", "BayyinaListings",
                "BayyinaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "bayyina-pdftext", linkerSettings: [.linkedLibrary("poppler-cpp")]),
        .executableTarget(
            name: "bayyina-bench",
            dependencies: [
                "BayyinaCore", "BayyinaStorage", "BayyinaIndex", "BayyinaIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BayyinaTestSupport",
            dependencies: ["BayyinaCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BayyinaCoreTests",
            dependencies: ["BayyinaCore", "BayyinaTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BayyinaStorageTests",
            dependencies: ["BayyinaStorage", "BayyinaDigest", "BayyinaTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BayyinaExtractionTests",
            dependencies: ["BayyinaExtraction", "BayyinaTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BayyinaIndexTests",
            dependencies: ["BayyinaIndex", "BayyinaSchemas", "BayyinaTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BayyinaLinkingTests",
            dependencies: ["BayyinaLinking", "BayyinaExtraction", "BayyinaTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BayyinaIngestTests",
            dependencies: ["BayyinaIngest", "BayyinaListings", "BayyinaStorage", "BayyinaDigest", "BayyinaIndex", "BayyinaSchemas",
                           "BayyinaTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BayyinaServerTests",
            dependencies: [
                "BayyinaServer", "BayyinaIndex", "BayyinaIngest", "BayyinaSchemas", "BayyinaTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BayyinaCLITests",
            dependencies: ["bayyina", "BayyinaSchemas", "BayyinaTestSupport"],
            swiftSettings: swiftSettings
        ),
    ],
    cxxLanguageStandard: .cxx17
)

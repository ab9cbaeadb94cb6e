// swift-tools-version:6.1
// Benchmarks for `detainer`, kept out of the product: GRDB appears here and never in the root
// Package.swift. Built and run by Scripts/bench (release mode, .build inside this folder).
import PackageDescription

let package = Package(
    name: "detainer-benchmarks",
    dependencies: [
        // The product, by path: its SQLite layer, law engine and CSV reader.
        .package(name: "detainer", path: "../.."),
        // The reference Swift SQLite library, for comparison only.
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // Plain libsqlite3 for the raw C-API loop (the same system library the product links).
        .systemLibrary(name: "BenchCSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "BenchSupport"),
        // One module per variant, so no file sees two Swift imports of sqlite3.h.
        .target(name: "RawVariant", dependencies: ["BenchCSQLite", "BenchSupport"]),
        .target(name: "OurVariant", dependencies: [.product(name: "SQLite", package: "detainer"), "BenchSupport"]),
        .target(name: "GRDBVariant", dependencies: [.product(name: "GRDB", package: "GRDB.swift"), "BenchSupport"]),
        .executableTarget(name: "sqlite-layer-bench", dependencies: ["RawVariant", "OurVariant", "GRDBVariant", "BenchSupport"]),
        .executableTarget(name: "law-bench", dependencies: [.product(name: "DetainerDomain", package: "detainer"), "BenchSupport"]),
        .executableTarget(name: "csv-bench", dependencies: [.product(name: "CSVStream", package: "detainer"), "BenchSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

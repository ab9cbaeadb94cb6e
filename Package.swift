// swift-tools-version:6.1
import PackageDescription

// Dependencies point down only:
//   detainer → DetainerCLI → DetainerStore → SQLite → CSQLite
//                          ↘ DetainerDomain (pure law + time; no SQLite, no I/O)
//                          ↘ CSVStream (generic streaming CSV)
let package = Package(
    name: "detainer",
    products: [
        .executable(name: "detainer", targets: ["detainer"]),
        // Libraries are exposed only so the benchmark package under Scripts/ can measure them.
        .library(name: "SQLite", targets: ["SQLite"]),
        .library(name: "DetainerDomain", targets: ["DetainerDomain"]),
        .library(name: "CSVStream", targets: ["CSVStream"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Exit statuses and the protocol every error type uses to declare its own.
        .target(name: "Sysexits"),
        .target(
            name: "SQLite",
            dependencies: [
                "CSQLite",
                "Sysexits",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Law/ holds the offense list (the source of truth for the generated OffenseCatalogRows.swift)
        // and the legal reference; both are read by people and Scripts/, never at run time.
        .target(name: "DetainerDomain", dependencies: ["Sysexits"], exclude: ["Law/offenses.csv", "Law/README.md"]),
        .target(name: "CSVStream"),
        // The one strict JSON reader for every JSON input (CLI, store, web).
        .target(name: "DetainerJSON", dependencies: ["DetainerDomain"]),
        .target(
            name: "DetainerStore",
            dependencies: [
                "Sysexits",
                "SQLite",
                "DetainerDomain",
                "DetainerJSON",
                "CSVStream",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "DetainerCLI",
            dependencies: [
                "Sysexits",
                "DetainerStore",
                "DetainerDomain",
                "DetainerJSON",
                "SQLite",
                "CSVStream",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(name: "detainer", dependencies: ["DetainerCLI"]),

        // Helpers shared by the test targets (temporary directories); never part of the product.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite", "CSQLite", "TestSupport"]),
        .testTarget(name: "CSVStreamTests", dependencies: ["CSVStream", "TestSupport"]),
        .testTarget(name: "DetainerDomainTests", dependencies: ["DetainerDomain"]),
        .testTarget(name: "DetainerStoreTests", dependencies: ["DetainerStore", "DetainerDomain", "DetainerJSON", "SQLite", "Sysexits", "TestSupport"]),
        .testTarget(name: "DetainerCLITests", dependencies: ["detainer", "DetainerStore", "SQLite", "TestSupport"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["detainer", "TestSupport"], exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)

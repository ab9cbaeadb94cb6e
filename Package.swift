// swift-tools-version:6.1
import PackageDescription

// Dependencies point down only:
//   detainer → DetainerCLI → DetainerStore → SQLite → CSQLite
//              DetainerCLI → DetainerWeb (Hummingbird) → DetainerStore
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
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Notes the errno of SQLite's failed reads and locks (the unix VFS's replaceable system
        // calls), which SQLite itself words as corruption or as another writer (issue 27).
        .target(name: "CSQLiteObservers", dependencies: ["CSQLite"]),
        // Descriptor passing (SCM_RIGHTS), peer credentials (SO_PEERCRED) and posix_spawn with
        // placed descriptors: the C macros and structs behind the service socket (issue 23 §1).
        .target(name: "CUnixSocket"),
        // Exit statuses and the protocol every error type uses to declare its own.
        .target(name: "Sysexits"),
        .target(
            name: "SQLite",
            dependencies: [
                "CSQLite",
                "CSQLiteObservers",
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
                // bcrypt for web passwords: the store hashes and verifies, so CLI and server share one path.
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        // THE BROWSER AND THE API: HTTP only, thin over the store's workflows (no SQL, no law here).
        .target(
            name: "DetainerWeb",
            dependencies: [
                "DetainerStore",
                "CSVStream",
                "DetainerJSON",
                "Sysexits",
                "DetainerDomain",
                "SQLite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["openapi.yaml"]
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
                "DetainerWeb",
                "CUnixSocket",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
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
        .testTarget(name: "DetainerCLITests", dependencies: ["detainer", "DetainerCLI", "DetainerWeb", "DetainerDomain", "DetainerStore", "SQLite", "TestSupport"]),
        .testTarget(name: "DetainerWebTests", dependencies: [
            "DetainerWeb", "DetainerStore", "DetainerDomain", "SQLite", "TestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "ReliabilityTests", dependencies: ["detainer", "TestSupport"], exclude: ["Corpus"]),
        // Headless Chromium against `detainer serve`; the Python half is Tests/Browser/e2e.py.
        .testTarget(name: "BrowserTests", dependencies: ["detainer", "DetainerStore", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LawQuiz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lawquiz", targets: ["lawquiz"]),
        .library(name: "LawQuizCore", targets: ["LawQuizCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Pure core: statutes, banks, exams, grading, statistics, export formats. No terminal I/O.
        .target(
            name: "LawQuizCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                "CInflate",
            ]
        ),
        // zlib (Debian: zlib1g-dev ships zlib.pc): reading .xlsx parts with bounded inflation.
        .systemLibrary(
            name: "CInflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The results store, SQLite (GRDB) or PostgreSQL (postgres-nio); the only module that knows SQL.
        .target(
            name: "LawQuizStore",
            dependencies: [
                "LawQuizCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // PIN hashes (scrypt), HMAC-SHA256 and SHA-256 of the audit chain: never hand-rolled.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // GNU readline (Debian: libreadline-dev ships readline.pc).
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // prctl for the installed (set-group-id) program's hardening.
        .systemLibrary(name: "CProcess"),
        // Line readers, rendering and the exam / practice session loops.
        .target(
            name: "LawQuizTerminal",
            dependencies: ["LawQuizCore", "LawQuizStore", "CReadline"]
        ),
        .executableTarget(
            name: "lawquiz",
            dependencies: [
                "LawQuizCore", "LawQuizStore", "LawQuizTerminal", "CProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Start-up (README, "Launch"): lld packs the program's 129,000 relative relocations into
            // 25 kB the loader walks quickly (DT_RELR, glibc 2.36+), and the program exports no symbols
            // (a dladdr at start, most likely the Swift runtime's, scanned all 43,700 that were exported).
            // Installed set-group-id, it binds every symbol at start (`-z now`), so the whole GOT is
            // read-only before any code of its own runs (full RELRO; checked by BinaryHardeningTests).
            // scripts/link-lawquiz runs lld with SQLite, readline, zlib and libstdc++ from their
            // static archives, which leaves the loader 730 symbols to bind instead of 4,600.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-ld-path=\(Context.packageDirectory)/scripts/link-lawquiz",
                        "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
                        "-Xlinker", "-z", "-Xlinker", "now",
                    ],
                    .when(platforms: [.linux])),
            ]
        ),
        // Evidence for the memory model: synthetic learners, 今日练习 vs random practice.
        .executableTarget(name: "srs-sim", dependencies: ["LawQuizCore"]),
        .testTarget(
            name: "LawQuizCoreTests",
            dependencies: ["LawQuizCore", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "LawQuizStoreTests", dependencies: ["LawQuizStore", "LawQuizCore"]),
        .testTarget(name: "LawQuizTerminalTests", dependencies: ["LawQuizTerminal", "LawQuizStore", "LawQuizCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["LawQuizCore", "LawQuizStore"]),
    ],
    swiftLanguageModes: [.v6]
)

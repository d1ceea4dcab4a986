// swift-tools-version: 6.1
// chitieu: will this province reach its health targets, how sure are we, and what would it take?
import PackageDescription

// Warnings are errors: the scripts pass `-Xswiftc -warnings-as-errors` (not `unsafeFlags` here, so that the
// libraries stay usable as a dependency of another package).
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "chitieu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chitieu", targets: ["chitieu"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "Statistics", targets: ["Statistics"]),
        .library(name: "Regression", targets: ["Regression"]),
        .library(name: "IndicatorData", targets: ["IndicatorData"]),
        .library(name: "Projection", targets: ["Projection"]),
        .library(name: "Attainment", targets: ["Attainment"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "Export", targets: ["Export"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: - C glue (no logic in C)
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CLAPACKE", pkgConfig: "lapacke",
                       providers: [.apt(["liblapacke-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),

        // MARK: - Numerical core
        .target(name: "LinearAlgebra", dependencies: ["CBLAS", "CLAPACKE"], swiftSettings: strict),
        .target(name: "Statistics", swiftSettings: strict),
        .target(name: "Regression", dependencies: ["LinearAlgebra", "Statistics"], swiftSettings: strict),

        // MARK: - Pipeline
        .target(name: "IndicatorData", swiftSettings: strict),
        .target(name: "Projection",
                dependencies: ["LinearAlgebra", "Statistics", "Regression", "IndicatorData"],
                swiftSettings: strict),
        .target(name: "Attainment", dependencies: ["Statistics", "Projection", "IndicatorData"],
                swiftSettings: strict),
        .target(name: "Scenarios",
                dependencies: ["Statistics", "Projection", "Attainment", "IndicatorData",
                               .product(name: "Yams", package: "Yams")],
                swiftSettings: strict),
        .target(name: "Planning",
                dependencies: ["LinearAlgebra", "Regression", "IndicatorData", "Projection", "Attainment", "Scenarios"],
                swiftSettings: strict),
        // Export renders the Planning schema (tables, charts, the report); it computes nothing.
        .target(name: "Export",
                dependencies: ["CXLSXWriter", "IndicatorData", "Projection", "Attainment", "Scenarios", "Planning"],
                swiftSettings: strict),
        .executableTarget(
            name: "chitieu",
            dependencies: ["LinearAlgebra", "Statistics", "Regression", "IndicatorData", "Projection",
                           "Attainment", "Scenarios", "Planning", "Export",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),

        // MARK: - Fuzz smoke (issue 13; docs/robustness.md): seeded mutations of the corpus, read in-process
        .executableTarget(name: "chitieu-fuzz",
                          dependencies: ["IndicatorData", "Projection", "Scenarios", "Statistics"],
                          swiftSettings: strict),

        // MARK: - Benchmarks (B4: business as usual plus scenarios for many regions; Benchmarks/README.md)
        .executableTarget(name: "chitieu-scenario-bench",
                          dependencies: ["Attainment", "IndicatorData", "Projection", "Scenarios"],
                          path: "Benchmarks/ScenarioBench", swiftSettings: strict),

        // MARK: - Tests
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "TestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "RegressionTests", dependencies: ["Regression", "LinearAlgebra", "TestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "IndicatorDataTests", dependencies: ["IndicatorData", "TestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "ProjectionTests",
                    dependencies: ["Projection", "IndicatorData", "Statistics", "TestSupport",
                                   .product(name: "PropertyBased", package: "swift-property-based")],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "AttainmentTests",
                    dependencies: ["Attainment", "Projection", "IndicatorData", "TestSupport",
                                   .product(name: "PropertyBased", package: "swift-property-based")],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "ScenariosTests",
                    dependencies: ["Scenarios", "Attainment", "Projection", "IndicatorData", "LinearAlgebra", "TestSupport",
                                   .product(name: "PropertyBased", package: "swift-property-based")],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "PlanningTests",
                    dependencies: ["Planning", "Scenarios", "Attainment", "Projection", "IndicatorData", "TestSupport",
                                   .product(name: "PropertyBased", package: "swift-property-based")],
                    swiftSettings: strict),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Planning", "Attainment", "IndicatorData", "TestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
    ]
)

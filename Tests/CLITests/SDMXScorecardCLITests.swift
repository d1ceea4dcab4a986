import Foundation
import Testing
import TestSupport

/// `attain --format sdmx`: the milestone rows as an SDMX-CSV 2.0 message (dataflow CHITIEU:MILESTONES(1.0)),
/// region → REF_AREA, with the CSV's numbers.
@Suite("CLI: attain --format sdmx")
struct SDMXScorecardCLITests {
    static let header = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,LOWER_BOUND,UPPER_BOUND,"
        + "TARGET,TARGET_COMPARATOR,P_ATTAIN"

    /// Checks the SDMX message against the tidy CSV of the same run, row by row (both in milestone order).
    static func check(sdmx: String, csv: String) throws {
        let message = parseTidyCSV(sdmx), tidy = parseTidyCSV(csv)
        #expect(message.first?.joined(separator: ",") == header)
        let columns = try #require(tidy.first)
        func index(_ name: String) throws -> Int { try #require(columns.firstIndex(of: name), "\(name)") }
        #expect(message.count == tidy.count, "one observation per milestone")
        var keys = Set<String>()
        let region = try index("region"), indicator = try index("indicator"), year = try index("year")
        let comparator = try index("comparator")
        let numbers = try [(6, "projection"), (7, "pi95_lower"), (8, "pi95_upper"), (9, "target"), (11, "p_attain")]
            .map { ($0.0, $0.1, try index($0.1)) }
        for (m, t) in zip(message.dropFirst(), tidy.dropFirst()) {
            #expect(Array(m[0..<3]) == ["dataflow", "CHITIEU:MILESTONES(1.0)", "I"])
            #expect(m[3] == t[region] && m[4] == t[indicator] && m[5] == t[year])
            for (field, column, at) in numbers {
                #expect(m[field] == t[at], "\(column): SDMX \(m[field]), CSV \(t[at])")
            }
            #expect(m[10] == t[comparator])
            keys.insert(m[3..<6].joined(separator: "|"))
        }
        // The dimensions identify each observation, as SDMX requires.
        #expect(keys.count == message.count - 1)
    }

    @Test func scorecard() throws {
        let sdmx = try runChitieu(args: ["attain", "--format", "sdmx", "--quiet"])
        #expect(sdmx.status == 0, "\(sdmx.stderr)")
        #expect(!sdmx.stderr.contains("no column"))
        let csv = try runChitieu(args: ["attain", "--format", "csv", "--quiet"])
        try Self.check(sdmx: sdmx.stdout, csv: csv.stdout)
        #expect(sdmx.stdout.contains(",VN-28,imr,2030,"))
    }

    @Test func batch() throws {
        let fixture = try BatchFixture(regions: [("A", 40.0), ("B", 20.0)],
                                       targets: "indicator_code,region,year,value,comparator\nu5mr,A,2025,25,<=\n"
                                           + "u5mr,A,2030,20,<=\nu5mr,B,2025,13,<=\nu5mr,B,2030,11,<=\n")
        defer { fixture.remove() }
        let s = fixture.series, t = fixture.targets
        let args = ["attain", "--data", s.path, "--targets", t.path, "--quiet"]
        let sdmx = try runChitieu(args: args + ["--format", "sdmx"])
        #expect(sdmx.status == 0, "\(sdmx.stderr)")
        let csv = try runChitieu(args: args + ["--format", "csv"])
        try Self.check(sdmx: sdmx.stdout, csv: csv.stdout)
        #expect(parseTidyCSV(sdmx.stdout).dropFirst().map { $0[3] } == ["A", "A", "B", "B"])
        let joint = try runChitieu(args: args + ["--joint", "--format", "sdmx"])
        #expect(joint.status == 64)
        #expect(joint.stderr.contains("no period for SDMX's TIME_PERIOD"), "\(joint.stderr)")
    }
}

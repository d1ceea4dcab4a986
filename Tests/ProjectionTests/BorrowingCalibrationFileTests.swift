import Foundation
import IndicatorData
import Testing
@testable import Projection

/// `borrowing.json` is read with the reader of `calibration.json` (`CalibrationJSON`): every problem is named
/// by file and JSON key path, with the value and the command that regenerates the file. The malformed-file
/// corpus (Tests/ScenariosTests/Fixtures/malformed/calibration/borrowing_*.json) covers a negative variance,
/// a string for ν and a missing list; these cover the other checks.
@Suite("Borrowing calibration file: key-path errors")
struct BorrowingCalibrationFileTests {
    static func dispersion(_ group: String, a: Double = 0.01, b: Double = 0.001, nu: Double = 5) -> BorrowingDispersion {
        BorrowingDispersion(group: group, levelVariance: a, variancePerYear: b, degreesOfFreedom: nu)
    }

    static func message(_ calibration: BorrowingCalibration) throws -> String? {
        message(try calibration.jsonData())
    }

    static func message(_ data: Data) -> String? {
        do {
            _ = try BorrowingCalibration.decode(data, file: "b.json")
            return nil
        } catch let error as BorrowingCalibrationError {
            return error.description
        } catch {
            return "not a BorrowingCalibrationError: \(error)"
        }
    }

    @Test func shippedFileLoads() throws {
        let shipped = try BorrowingCalibration.load(from: try BundledData.file("calibration/borrowing.json"))
        #expect(!shipped.shift.isEmpty && !shipped.levelHeld.isEmpty)
        let again = try BorrowingCalibration.decode(try shipped.jsonData(), file: "round trip")
        #expect(again == shipped)
    }

    @Test func groupTwiceInOneListIsNamed() throws {
        let c = BorrowingCalibration(method: "t", shift: [Self.dispersion("mortality"), Self.dispersion("mortality")],
                                     levelHeld: [Self.dispersion("mortality")], provenance: nil)
        let m = try #require(try Self.message(c))
        #expect(m.hasPrefix("b.json: shift[1].group: group \"mortality\" appears twice (also shift[0]); regenerate it with `"
            + BorrowingCalibration.regenerateCommand + "`"), "\(m)")
    }

    @Test(arguments: [
        (dispersion("fertility", a: .infinity), "levelHeld[1].levelVariance: the variance a must be finite and ≥ 0, got inf"),
        (dispersion("fertility", b: -0.25), "levelHeld[1].variancePerYear: the variance per year b must be finite and ≥ 0, got -0.25"),
        (dispersion("fertility", nu: 0), "levelHeld[1].degreesOfFreedom: ν must be > 0 (1000 for normal tails), got 0.0"),
        (dispersion("fertility", nu: .nan), "levelHeld[1].degreesOfFreedom: ν must be > 0 (1000 for normal tails), got nan"),
    ])
    func badConstantIsNamedWithItsValue(_ bad: BorrowingDispersion, _ expected: String) throws {
        let c = BorrowingCalibration(method: "t", shift: [Self.dispersion("mortality")],
                                     levelHeld: [Self.dispersion("mortality"), bad], provenance: nil)
        let m = try #require(try Self.message(c))
        #expect(m.contains("b.json: " + expected), "\(m)")
    }

    @Test func otherVersionIsNamed() throws {
        var c = BorrowingCalibration(method: "t", shift: [], levelHeld: [], provenance: nil)
        c.version = 7
        let m = try #require(try Self.message(c))
        #expect(m.hasPrefix("b.json: version: format version 7, this chitieu reads 1;"), "\(m)")
    }

    /// Not JSON at all: the same "not valid JSON" as calibration.json, cut short, no decoder dump.
    @Test func notJSONIsShort() throws {
        let m = try #require(Self.message(Data("shift: [1, 2]\n".utf8)))
        #expect(m.hasPrefix("b.json: not valid JSON"), "\(m)")
        #expect(m.count < 400 && !m.contains("DecodingError"), "\(m)")
    }
}

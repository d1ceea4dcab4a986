import Foundation
import IndicatorData
import Testing

// MARK: - The corpus table

/// One file of `Fixtures/bad/` (written byte-exact by `Fixtures/bad/make_corpus.py`) and what reading it
/// must report. `fragment` is matched against `DataError.description` (message and hint).
struct BadInputCase: Sendable, CustomTestStringConvertible {
    enum Reader: Sendable { case series, targets, catalogue }
    enum Setting: Sendable { case none, decimalComma, delimiterComma, priority([String]), catalogue }

    var file: String
    var reader: Reader = .series
    var setting: Setting = .none
    /// nil: the file is valid (tricky but legal input).
    var fragment: String?
    var line = 0
    var column = 0
    var exit: Int32 = 65

    var testDescription: String { file }
}

private func c(_ file: String, _ fragment: String?, line: Int = 0, column: Int = 0,
               reader: BadInputCase.Reader = .series, setting: BadInputCase.Setting = .none) -> BadInputCase {
    BadInputCase(file: file, reader: reader, setting: setting, fragment: fragment, line: line, column: column)
}

let badInputCases: [BadInputCase] = [
    // quoting
    c("truncated_quote.csv", "quoted field is not closed before the end of the file. Add the closing double quote",
      line: 3, column: 6),
    c("stray_quote.csv", "stray quote in an unquoted field", line: 2, column: 4),
    c("text_after_quote.csv", "unexpected text after a closing quote", line: 2, column: 6),
    // structure
    c("empty.csv", "the file is empty. The first line must be a header"),
    c("bom_only.csv", "the file is empty"),
    c("header_only.csv", "the file has a header but no data rows", line: 1),
    c("missing_column.csv", "missing required column \"value\" (header: indicator_code,region,year,unit)", line: 1),
    c("wrong_delimiter.csv", "the file seems to use \";\" as delimiter. Pass --delimiter semicolon",
      line: 1, column: 1, setting: .delimiterComma),
    c("tab_separated.csv", "the file seems to be tab-separated", line: 1, column: 1),
    c("ragged_long.csv", "row has 7 fields but the header has 6. Quote fields that contain the delimiter",
      line: 3, column: 7),
    c("ragged_short.csv", "row has 4 fields but the header has 6", line: 3, column: 5),
    c("duplicate_header.csv", "column \"Value\" appears twice in the header (columns 4 and 5)", line: 1, column: 5),
    c("empty_indicator.csv", "indicator_code is empty", line: 2, column: 1),
    c("empty_region.csv", "region is empty", line: 2, column: 2),
    // encoding
    c("invalid_utf8.csv", "invalid UTF-8 (byte 0xFF at byte offset 52). Save the file as UTF-8", line: 2),
    c("overlong_utf8.csv", "invalid UTF-8 (byte 0xC0 at byte offset 105)", line: 3),
    c("latin1_text.csv", "invalid UTF-8 (byte 0xE9 at byte offset 82)", line: 2),
    c("bom_crlf_valid.csv", nil),
    // numbers
    c("text_in_value.csv", "value \"1O.5\" is not a number (decimal mark: point). Fix the cell or pass "
      + "--decimal comma if the file uses decimal commas", line: 2, column: 4),
    c("decimal_comma_under_point.csv", "value \"21,5\" has a decimal comma but the file's decimal mark is point. "
      + "Pass --decimal comma", line: 2, column: 4),
    c("grouping_under_comma.csv", "value \"10.609\" looks like a number with a thousands separator \".\" "
      + "(decimal mark: comma). If it means 10609, remove the \".\"", line: 2, column: 4, setting: .decimalComma),
    c("decimal_point_under_comma.csv", "value \"21.5\" has a decimal point but the file's decimal mark is comma",
      line: 2, column: 4, setting: .decimalComma),
    c("grouping_comma_under_point.csv", "value \"1,234\" is ambiguous", line: 2, column: 4),
    c("huge_number.csv", "value \"1e400\" is too large for a double-precision number", line: 2, column: 4),
    c("nan_text.csv", "value \"NaN\" is not a finite number. Leave the cell empty", line: 2, column: 4),
    c("inf_text.csv", "value \"-inf\" is not a finite number", line: 2, column: 4),
    c("dash_for_missing.csv", "value \"-\" is not a finite number", line: 2, column: 4),
    c("leading_dot.csv", "value \".5\" is not a number (decimal mark: point)", line: 2, column: 4),
    c("trailing_text.csv", "value \"21.0abc\" is not a number", line: 2, column: 4),
    c("unicode_minus.csv", "value \"\u{2212}5\" is not a number", line: 2, column: 4),
    c("exponent_under_comma.csv", "value \"2e1\" is not a number (decimal mark: comma)", line: 2, column: 4,
      setting: .decimalComma),
    c("percent_sign.csv", "value \"95%\" is not a number", line: 2, column: 4),
    // years
    c("year_fraction.csv", "year \"2023.5\" is not a whole calendar year. Write the year as four digits",
      line: 2, column: 3),
    c("year_1850.csv", "year 1850 is outside 1900–2100", line: 2, column: 3),
    c("year_five_digits.csv", "year 20233 is outside 1900–2100", line: 2, column: 3),
    c("year_text.csv", "year \"FY2023\" is not a whole calendar year", line: 2, column: 3),
    c("year_empty.csv", "year is empty", line: 2, column: 3),
    // keys and bounds
    c("duplicate_key.csv", "duplicate key (u5mr, VN, 2020): also at line 2. Keep one row per indicator, region "
      + "and year, or pass --source-priority", line: 4, column: 3),
    c("duplicate_equal_priority.csv", "duplicate key (u5mr, VN, 2020) with different values 21 (line 2) and 22.3 "
      + "of equal source priority", line: 3, column: 3, setting: .priority(["MoH"])),
    c("negative_count.csv", "value -5 is below the lower bound 0 of \"hiv_new_infections\" (catalogue). "
      + "Check the cell: a count, rate or percentage cannot be negative", line: 2, column: 4, setting: .catalogue),
    c("percent_120.csv", "value 120 is above the upper bound 100 of \"fully_immunized_u1_pct\" (catalogue)",
      line: 2, column: 4, setting: .catalogue),
    // targets and catalogue
    c("targets_bad_comparator.csv", "comparator \"\u{2264}\" is not one of < <= > >= =", line: 2, column: 7,
      reader: .targets),
    c("targets_missing_value.csv", "a strict target needs a value", line: 2, column: 4, reader: .targets),
    c("targets_strict_with_le.csv", "kind strict needs comparator < or >, found <=", line: 2, column: 6,
      reader: .targets),
    c("catalogue_bad_direction.csv", "direction \"up\" is not higher or lower", line: 2, column: 2,
      reader: .catalogue),
    c("catalogue_logit_without_bounds.csv", "scale logit needs both lower_bound and upper_bound", line: 2, column: 3,
      reader: .catalogue),
]

// MARK: - Helpers

func fixtureURL(_ relative: String) throws -> URL {
    let base = try #require(Bundle.module.resourceURL)
    return base.appendingPathComponent("Fixtures").appendingPathComponent(relative)
}

func smallCatalogue() throws -> IndicatorCatalogue {
    try IndicatorCatalogue.read(contentsOf: fixtureURL("catalogue_small.csv"))
}

/// Reads a corpus file with the case's reader and options; returns the error, or nil if it read cleanly.
func readCorpusFile(_ testCase: BadInputCase) throws -> DataError? {
    let url = try fixtureURL("bad/" + testCase.file)
    var options = ReadOptions()
    switch testCase.setting {
    case .none: break
    case .decimalComma: options = ReadOptions(decimal: .comma)
    case .delimiterComma: options = ReadOptions(delimiter: .comma)
    case .priority(let p): options = ReadOptions(sourcePriority: p)
    case .catalogue: options = ReadOptions(catalogue: try smallCatalogue())
    }
    do {
        switch testCase.reader {
        case .series: _ = try SeriesReader.read(contentsOf: url, displayName: testCase.file, options: options)
        case .targets: _ = try Target.read(contentsOf: url, displayName: testCase.file, options: options)
        case .catalogue: _ = try IndicatorCatalogue.read(contentsOf: url, displayName: testCase.file)
        }
        return nil
    } catch let error as DataError {
        return error
    }
}

// MARK: - Tests

@Suite("Bad-input corpus")
struct BadInputCorpusTests {
    @Test("each corpus file reports its exact message, line, column and exit code", arguments: badInputCases)
    func corpusFile(_ testCase: BadInputCase) throws {
        let error = try readCorpusFile(testCase)
        guard let fragment = testCase.fragment else {
            #expect(error == nil, "expected \(testCase.file) to be valid, got \(String(describing: error))")
            return
        }
        let e = try #require(error, "\(testCase.file) was read without error")
        #expect(e.description.contains(fragment), "message was: \(e.description)")
        #expect(e.description.hasPrefix(testCase.file), "message should start with the file: \(e.description)")
        #expect(e.line == testCase.line, "line: \(e.description)")
        #expect(e.column == testCase.column, "column: \(e.description)")
        #expect(e.exitCode == testCase.exit)
        #expect(!e.hint.isEmpty, "every error says what to do")
    }

    @Test("the corpus has at least 30 files and every file has a case")
    func corpusIsComplete() throws {
        let dir = try fixtureURL("bad")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }
        #expect(files.count >= 30)
        #expect(Set(files) == Set(badInputCases.map(\.file)))
    }

    @Test("a missing file is a no-input error (exit 66) naming the path")
    func missingFile() throws {
        let url = URL(fileURLWithPath: "/nonexistent/chitieu/none.csv")
        let error = try #require(throws: DataError.self) { try SeriesReader.read(contentsOf: url) }
        #expect(error.exitCode == 66)
        #expect(error.description == "/nonexistent/chitieu/none.csv: no such file. Check the path "
            + "(relative paths start from the current directory).")
    }

    @Test("description has the compiler-style layout file:line:column: message. hint")
    func descriptionLayout() throws {
        let bytes = Array("indicator_code,region,year,value\nu5mr,VN,2020,1O.5\n".utf8)
        let error = try #require(throws: DataError.self) {
            try SeriesReader.read(bytes: bytes, file: "Datasets/x.csv")
        }
        #expect(error.description == "Datasets/x.csv:2:4: value \"1O.5\" is not a number (decimal mark: point). "
            + "Fix the cell or pass --decimal comma if the file uses decimal commas.")
        #expect(error.text == "1O.5")
    }

    @Test("BOM + CRLF + quoted embedded newline reads correctly")
    func bomCRLF() throws {
        let url = try fixtureURL("bad/bom_crlf_valid.csv")
        let s = try SeriesReader.read(contentsOf: url)
        let series = try #require(s["u5mr", "VN"])
        #expect(series.years == [2019, 2020])
        #expect(series.values == [21.6, 21.0])
        #expect(series.observations.last?.provenance.source == "WDI, 2025\r\nrelease")
        #expect(series.observations.last?.provenance.line == 3)
        #expect(series.unit == "per 1000")
    }
}

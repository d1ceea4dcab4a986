import Foundation
import IndicatorData
import Testing

/// Error paths of the catalogue, targets and mapping readers not covered by the file corpus: inline
/// CSV text → exact message fragment and position.
struct InlineErrorCase: Sendable, CustomTestStringConvertible {
    enum Reader: Sendable { case catalogue, targets, mapping }
    var name: String
    var reader: Reader
    var text: String
    var fragment: String
    var line: Int
    var column: Int
    var testDescription: String { name }
}

private let catalogueHeader = "code,direction,scale,lower_bound,upper_bound,group,national_comparable\n"
private let planHeader = "indicator_code,region,year,value,comparator,kind,text_vi\n"

let inlineErrorCases: [InlineErrorCase] = [
    InlineErrorCase(name: "catalogue: bad group", reader: .catalogue, text: catalogueHeader + "imr,lower,log,0,,result,true\n",
                    fragment: "group \"result\" is not one of input, activity, outcome, impact", line: 2, column: 6),
    InlineErrorCase(name: "catalogue: bad scale", reader: .catalogue, text: catalogueHeader + "imr,lower,exp,0,,,true\n",
                    fragment: "scale \"exp\" is not linear, log or logit", line: 2, column: 3),
    InlineErrorCase(name: "catalogue: bounds reversed", reader: .catalogue, text: catalogueHeader + "x,higher,logit,100,0,,true\n",
                    fragment: "upper bound 0 is not above lower bound 100", line: 2, column: 5),
    InlineErrorCase(name: "catalogue: comparable not boolean", reader: .catalogue, text: catalogueHeader + "imr,lower,log,0,,,yes\n",
                    fragment: "national_comparable \"yes\" is not true or false", line: 2, column: 7),
    InlineErrorCase(name: "catalogue: duplicate code", reader: .catalogue,
                    text: catalogueHeader + "imr,lower,log,0,,,true\nimr,lower,log,0,,,true\n",
                    fragment: "indicator code \"imr\" is listed twice (lines 2 and 3)", line: 3, column: 1),
    InlineErrorCase(name: "catalogue: bound not a number", reader: .catalogue, text: catalogueHeader + "imr,lower,log,zero,,,true\n",
                    fragment: "value \"zero\" is not a number", line: 2, column: 4),
    InlineErrorCase(name: "catalogue: header only", reader: .catalogue, text: catalogueHeader,
                    fragment: "the catalogue has a header but no rows", line: 1, column: 0),
    InlineErrorCase(name: "catalogue: missing scale column", reader: .catalogue, text: "code,direction\nimr,lower\n",
                    fragment: "missing required column \"scale\"", line: 1, column: 0),
    InlineErrorCase(name: "targets: bad kind", reader: .targets, text: planHeader + "tfr,VN-28,2030,2.1,=,goal,\"2,1\"\n",
                    fragment: "kind \"goal\" is not one of level, strict, hold, qualitative, conditional, none", line: 2, column: 6),
    InlineErrorCase(name: "targets: hold without =", reader: .targets, text: planHeader + "tfr,VN-28,2030,2.1,<=,hold,\"2,1\"\n",
                    fragment: "kind hold needs comparator =, found <=", line: 2, column: 6),
    InlineErrorCase(name: "targets: qualitative with a value", reader: .targets,
                    text: planHeader + "malaria,VN-28,2030,0,,qualitative,Duy trì loại trừ\n",
                    fragment: "a qualitative target has a value", line: 2, column: 4),
    InlineErrorCase(name: "targets: level without comparator", reader: .targets, text: planHeader + "imr,VN-28,2030,22,,level,22\n",
                    fragment: "a level target needs a comparator", line: 2, column: 5),
    InlineErrorCase(name: "targets: header only", reader: .targets, text: planHeader,
                    fragment: "the file has a header but no data rows", line: 1, column: 0),
    InlineErrorCase(name: "targets: year out of range", reader: .targets, text: planHeader + "imr,VN-28,3030,22,<,strict,<22\n",
                    fragment: "year 3030 is outside 1900–2100", line: 2, column: 3),
    InlineErrorCase(name: "mapping: header only", reader: .mapping, text: "dataelement,orgunit,indicator_code,region\n",
                    fragment: "the mapping has a header but no rows", line: 1, column: 0),
    InlineErrorCase(name: "mapping: empty indicator code", reader: .mapping,
                    text: "dataelement,orgunit,indicator_code,region\nabc,ou1,,VN-28\n",
                    fragment: "indicator_code is empty", line: 2, column: 3),
]

@Suite("Catalogue, targets and mapping error messages")
struct SmallReaderErrorTests {
    @Test("each inline bad input reports its message and position", arguments: inlineErrorCases)
    func inline(_ c: InlineErrorCase) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-inline-\(UUID().uuidString).csv")
        try Data(c.text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: DataError.self) {
            switch c.reader {
            case .catalogue: _ = try IndicatorCatalogue.read(contentsOf: url, displayName: "in.csv")
            case .targets: _ = try Target.read(contentsOf: url, displayName: "in.csv")
            case .mapping: _ = try SourceMapping.read(contentsOf: url, displayName: "in.csv")
            }
        }
        #expect(error.description.contains(c.fragment), "message was: \(error.description)")
        #expect(error.line == c.line, "line: \(error.description)")
        #expect(error.column == c.column, "column: \(error.description)")
        #expect(error.exitCode == 65)
        #expect(!error.hint.isEmpty)
    }
}

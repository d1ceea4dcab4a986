import Foundation

// MARK: - DHIS2 dataValueSets JSON

/// DHIS2 `dataValueSets` JSON, as written by `GET /api/dataValueSets.json` and read by `POST
/// /api/dataValueSets` (DHIS2 developer docs, "Data values" → "Sending data values"):
///
///     {"dataSet": "…", "period": "202401", "orgUnit": "…",
///      "dataValues": [{"dataElement": "…", "period": "202401", "orgUnit": "…",
///                      "categoryOptionCombo": "…", "value": "12", "deleted": false}, …]}
///
/// `period` and `orgUnit` of a data value default to the set's. Values are strings in DHIS2's canonical
/// form (decimal point) or JSON numbers. A document can also be a list of such sets, or `{"dataValueSets":
/// […]}`. JSON has no useful line numbers here: errors name the value as `dataValues[i]` (0-based).
enum DHIS2JSON {
    static func records(data: Data, file: String, importer: inout SourceImport) throws -> [SourceRecord] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw DataError(file: file, message: "the file starts like JSON but is not valid JSON (\(error.localizedDescription))",
                            hint: "Export it again from DHIS2 (Import/Export → Data export → JSON), or save it as CSV")
        }
        var sets: [[String: Any]] = []
        if let list = root as? [[String: Any]] {
            sets = list
        } else if let object = root as? [String: Any] {
            sets = (object["dataValueSets"] as? [[String: Any]]) ?? [object]
        }
        guard !sets.isEmpty, sets.allSatisfy({ $0["dataValues"] is [Any] }) else {
            throw DataError(file: file, message: "this JSON file is not a DHIS2 dataValueSets document (no \"dataValues\" list)",
                            hint: "chitieu reads JSON only as DHIS2 dataValueSets; give other data as CSV (see docs/inputs.md)")
        }
        var out: [SourceRecord] = []
        var index = 0
        for set in sets {
            for item in set["dataValues"] as? [Any] ?? [] {
                defer { index += 1 }
                guard let value = item as? [String: Any] else {
                    throw invalid(file, index, "is not an object")
                }
                if (value["deleted"] as? Bool) == true || (value["deleted"] as? String)?.lowercased() == "true" {
                    importer.readerSkipped += 1
                    continue
                }
                out.append(try record(value, set: set, file: file, index: index))
            }
        }
        return out
    }

    private static func invalid(_ file: String, _ index: Int, _ what: String, text: String = "", hint: String? = nil) -> DataError {
        DataError(file: file, text: text, message: "dataValues[\(index)]" + (what.hasPrefix(":") ? what : " " + what),
                  hint: hint ?? "Each data value needs dataElement, period, orgUnit and value (period and orgUnit may be given once for the set)")
    }

    private static func string(_ any: Any?) -> String? {
        if let s = any as? String { return s.trimmingWhitespace() }
        if let n = any as? NSNumber { return n.stringValue }
        return nil
    }

    private static func record(_ v: [String: Any], set: [String: Any], file: String, index: Int) throws -> SourceRecord {
        guard let element = string(v["dataElement"]), !element.isEmpty else { throw invalid(file, index, "has no dataElement") }
        guard let orgUnit = string(v["orgUnit"] ?? set["orgUnit"]), !orgUnit.isEmpty else { throw invalid(file, index, "has no orgUnit") }
        guard let periodText = string(v["period"] ?? set["period"]), !periodText.isEmpty else {
            throw invalid(file, index, "has no period")
        }
        let period: Period
        switch Period.parse(periodText) {
        case .success(let p): period = p
        case .failure(let refusal):
            let (message, hint) = Period.describe(refusal, text: periodText)
            throw invalid(file, index, ": " + message, text: periodText, hint: hint + " (file read as DHIS2 dataValueSets JSON)")
        }
        var value: Double?
        let text = string(v["value"]) ?? ""
        if let n = v["value"] as? NSNumber, !(v["value"] is Bool) {
            value = n.doubleValue
        } else if !text.isEmpty {
            let parsed = Array(text.utf8).withUnsafeBufferPointer { NumberGrammar.parse($0, 0, $0.count, format: NumberFormat()) }
            switch parsed {
            case .value(let x): value = x
            case .empty: value = nil
            case .failure(let reason):
                let (message, hint) = reason.describe(text, format: NumberFormat())
                throw invalid(file, index, ": " + message, text: text, hint: hint)
            }
        }
        if let x = value, !x.isFinite { throw invalid(file, index, ": value is not finite", text: text) }
        return SourceRecord(element: element, orgUnit: orgUnit, combo: string(v["categoryOptionCombo"]) ?? "",
                            period: period, value: value, line: 0, column: 0, text: text)
    }
}

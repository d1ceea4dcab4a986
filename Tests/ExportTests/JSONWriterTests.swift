import Foundation
import Testing
@testable import Export

@Suite("JSON writer (schema chitieu/1)")
struct JSONWriterTests {
    static let metadata = RunMetadata(
        version: "0.1.0", generated: Date(timeIntervalSince1970: 1_795_513_800),  // 2026-11-24T09:50:00Z
        command: "chitieu project --indicator u5mr", dataFiles: [DataFileDigest(path: "Datasets/u5mr.csv", sha256: "ab12")],
        model: "log-linear", seed: 42, options: ["window": "2010-2023", "level": "80,95"])

    @Test func exactBytes() throws {
        let table = try Table(columns: ["area", "year", "value", "note"], rows: [
            [.text("Kon Tum"), .integer(2025), .number(27.85), .text("dự báo \"A\"")],
            [.text("Kon Tum"), .integer(2030), .number(.nan), .missing],
        ])
        let text = String(decoding: try JSONTableWriter(metadata: Self.metadata).render(table), as: UTF8.self)
        let expected = """
            {
              "schema": "chitieu/1",
              "metadata": {
                "version": "0.1.0",
                "generated": "2026-11-24T09:50:00Z",
                "command": "chitieu project --indicator u5mr",
                "data_files": [
                  {"path": "Datasets/u5mr.csv", "sha256": "ab12"}
                ],
                "model": "log-linear",
                "seed": 42,
                "options": {"level": "80,95", "window": "2010-2023"}
              },
              "columns": ["area", "year", "value", "note"],
              "rows": [
                {"area": "Kon Tum", "year": 2025, "value": 27.85, "note": "dự báo \\"A\\""},
                {"area": "Kon Tum", "year": 2030, "value": null, "note": null}
              ]
            }

            """
        #expect(text == expected)
    }

    @Test func parsesAsJSONAndNullsAreNull() throws {
        var metadata = Self.metadata
        metadata.model = nil
        metadata.seed = nil
        metadata.dataFiles = []
        let table = try Table(columns: ["x", "s"], rows: [[.number(.infinity), .text("tab\there\u{01}")]])
        let data = try JSONTableWriter(metadata: metadata).render(table)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let meta = try #require(object["metadata"] as? [String: Any])
        #expect(meta["model"] is NSNull)
        #expect(meta["seed"] is NSNull)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.first?["x"] is NSNull)
        #expect(rows.first?["s"] as? String == "tab\there\u{01}")
        #expect(String(decoding: data, as: UTF8.self).contains("\"tab\\there\\u0001\""))
    }

    @Test func emptyTable() throws {
        let text = String(decoding: try JSONTableWriter(metadata: Self.metadata).render(Table(columns: ["a"])),
                          as: UTF8.self)
        #expect(text.hasSuffix("  \"columns\": [\"a\"],\n  \"rows\": []\n}\n"))
    }
}

import CYaml
import Foundation

/// Checks a scenario file's YAML token stream before it is composed into a node tree.
///
/// Composing is where untrusted YAML can hang or crash a reader: aliases expand one node into many (a
/// "billion laughs", and Yams' duplicate-key check hashes alias keys exponentially), and deep nesting
/// recurses once per level. libyaml's scanner (`yaml_parser_scan`) only tokenises, in time and memory
/// linear in the input, so the file is scanned first and refused at the first
///
/// - anchor (`&name`) or alias (`*name`): a scenario file has no use for them; write the value out;
/// - explicit tag (`!!str`, `!custom`): types are fixed by the key, so a tag can only mislead;
/// - nesting deeper than `maxDepth` (a scenario file nests four levels: trends → indicator → values → year);
///
/// and before any of it, a file larger than `maxBytes` (shipped scenarios are ~2 KB).
enum YAMLPreflight {
    static let maxBytes = 256 * 1024
    static let maxDepth = 16

    /// - Throws: `ScenarioError.invalidFile` at the offending token; a scanner error is left for the
    ///   composer to report with its own wording (it meets the same error first).
    static func check(_ yaml: String, file: String) throws {
        let size = yaml.utf8.count
        guard size <= maxBytes else {
            throw ScenarioError.invalidFile(
                file: file, line: 1, column: 1,
                message: "the file is \(size / 1024) KiB; a scenario file is a few KiB (at most \(maxBytes / 1024) KiB). "
                    + "Check that this is the scenario file and not a data file")
        }
        var bytes = Array(yaml.utf8)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            while true {
                var token = yaml_token_t()
                guard yaml_parser_scan(&parser, &token) == 1 else { return }
                defer { yaml_token_delete(&token) }
                let at = (line: Int(token.start_mark.line) + 1, column: Int(token.start_mark.column) + 1)
                func refuse(_ message: String) -> ScenarioError {
                    .invalidFile(file: file, line: at.line, column: at.column, message: message)
                }
                switch token.type {
                case YAML_STREAM_END_TOKEN:
                    return
                case YAML_ANCHOR_TOKEN, YAML_ALIAS_TOKEN:
                    throw refuse("YAML anchors and aliases (`&name`, `*name`) are not accepted in a scenario file; "
                        + "write the value out in full where it is used")
                case YAML_TAG_TOKEN:
                    throw refuse("YAML tags (`!!str`, `!name`) are not accepted in a scenario file; "
                        + "remove the tag: each key's type is fixed (see `chitieu help scenario-file`)")
                case YAML_BLOCK_SEQUENCE_START_TOKEN, YAML_BLOCK_MAPPING_START_TOKEN,
                     YAML_FLOW_SEQUENCE_START_TOKEN, YAML_FLOW_MAPPING_START_TOKEN:
                    depth += 1
                    if depth > maxDepth {
                        throw refuse("the file nests more than \(maxDepth) levels deep; a scenario file needs at most 4 "
                            + "(trends → indicator → values → year). Check the brackets and indentation")
                    }
                case YAML_BLOCK_END_TOKEN, YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN:
                    depth -= 1
                default:
                    break
                }
            }
        }
    }
}

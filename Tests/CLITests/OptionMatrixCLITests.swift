import Foundation
import Testing
import TestSupport

/// Every (sub)command and its long options, from ArgumentParser's own description of the parser
/// (`chitieu --experimental-dump-help`: names, kinds and help of every argument of every command).
struct CommandOptions {
    var path: String
    /// long name → (kind, abstract)
    var options: [String: (kind: String, abstract: String)]
    /// The values `--format` lists in help (`allValues` in the dump); empty when the command has no --format.
    var formats: [String] = []
}

func commandTree() throws -> [CommandOptions] {
    let r = try runChitieu(args: ["--experimental-dump-help"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    var out: [CommandOptions] = []
    func walk(_ command: [String: Any], _ path: [String]) {
        var options: [String: (kind: String, abstract: String)] = [:]
        var formats: [String] = []
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                if let n = name["name"] as? String {
                    options[n] = (argument["kind"] as? String ?? "", argument["abstract"] as? String ?? "")
                    if n == "format" { formats = argument["allValues"] as? [String] ?? [] }
                }
            }
        }
        if !path.isEmpty {
            out.append(CommandOptions(path: path.joined(separator: " "), options: options, formats: formats))
        }
        for sub in command["subcommands"] as? [[String: Any]] ?? [] {
            walk(sub, path + [sub["commandName"] as? String ?? "?"])
        }
    }
    walk(try #require(root["command"] as? [String: Any]), [])
    return out
}

@Suite("CLI: the same option means the same thing in every command")
struct OptionMatrixCLITests {
    /// The options the brief names; each is defined once (an option group in Sources/chitieu/OptionGroups.swift,
    /// or OutputOptions), so every command that has it shows the same kind and help text.
    static let shared = ["data", "targets", "catalogue", "out", "force", "quiet", "lang"]

    @Test("command × option matrix: one kind and one help text per option across all commands")
    func matrix() throws {
        let tree = try commandTree()
        #expect(tree.count >= 14, "commands found: \(tree.map(\.path))")
        for option in Self.shared {
            var seen: [String: [String]] = [:]
            for command in tree {
                guard let o = command.options[option] else { continue }
                seen["\(o.kind): \(o.abstract)", default: []].append(command.path)
            }
            #expect(seen.count <= 1, "--\(option) is defined differently: \(seen)")
        }
        // --format: the formats differ with what a command writes, the help says so the same way.
        for command in tree {
            if let f = command.options["format"] {
                #expect(f.abstract.hasPrefix("Output format:"), "\(command.path) --format: \(f.abstract)")
            }
            // --force only makes sense with --out.
            if command.options["force"] != nil { #expect(command.options["out"] != nil, "\(command.path) has --force without --out") }
        }
    }

    /// One runnable invocation of every command that writes `--out`. `everyOutCommandIsCovered` fails when a
    /// command gains `--out` without a row here, so the refusal below is checked for all of them.
    /// `{projection}` is a tidy projection CSV the test writes first (the input of `export`).
    static let outInvocations: [String: [String]] = [
        "attain": ["attain", "--format", "csv"],
        "project": ["project", "--indicator", "u5mr", "--region", "VN", "--format", "csv"],
        "plot": ["plot", "--indicator", "u5mr", "--region", "VN"],
        "scenario run": ["scenario", "run", "Datasets/kontum/scenarios/business_as_usual.yaml", "--draws", "100",
                         "--format", "csv"],
        "scenario compare": ["scenario", "compare", "Datasets/kontum/scenarios/business_as_usual.yaml",
                             "Datasets/kontum/scenarios/nutrition_acceleration.yaml", "--draws", "100", "--format", "csv"],
        "export": ["export", "--input", "{projection}", "--to", "tidy"],
        "backtest": ["backtest", "--method", "ols", "--weights", "none", "--origins", "2012", "--format", "csv"],
        "report": ["report"],
        "data aggregate": ["data", "aggregate", "--regions", "Datasets/regions.csv", "--region", "VN-QNG",
                           "--indicator", "population_avg", "--format", "csv"],
    ]

    @Test("every command with --out has a row in outInvocations (so the --force test covers it)")
    func everyOutCommandIsCovered() throws {
        let withOut = Set(try commandTree().filter { $0.options["out"] != nil }.map(\.path))
        #expect(withOut == Set(Self.outInvocations.keys), "commands with --out: \(withOut.sorted())")
    }

    /// Every command that writes data (`--out`) takes the one `--quiet` (QuietOption), so a script can
    /// silence any of them the same way.
    @Test("every command with --out also has --quiet")
    func everyOutCommandHasQuiet() throws {
        let tree = try commandTree()
        let missing = tree.filter { $0.options["out"] != nil && $0.options["quiet"] == nil }.map(\.path)
        #expect(missing.isEmpty, "commands with --out and no --quiet: \(missing)")
    }

    @Test("every command that writes --out refuses to replace a file without --force (64) and replaces it with it",
          arguments: outInvocations.keys.sorted())
    func outNeedsForce(_ command: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-force-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("existing.out")
        try Data("keep me\n".utf8).write(to: out)
        var full = try #require(Self.outInvocations[command])
        if let i = full.firstIndex(of: "{projection}") { full[i] = try writeProjection(in: dir).path }
        let refused = try runChitieu(args: full + ["--out", out.path])
        #expect(refused.status == 64, "\(command): stderr: \(refused.stderr)")
        #expect(refused.stderr.contains("--force to replace it"), "\(command): stderr: \(refused.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me\n", "\(command) replaced the file")
        let hasQuiet = try #require(try commandTree().first { $0.path == command }).options["quiet"] != nil
        let replaced = try runChitieu(args: full + ["--out", out.path, "--force"] + (hasQuiet ? ["--quiet"] : []))
        #expect(replaced.status == 0, "\(command): stderr: \(replaced.stderr)")
        // --quiet leaves only errors on stderr in every command (the seed of `scenario run|compare` is in the
        // output's metadata, and on stderr without --quiet).
        #expect(hasQuiet, "\(command) writes --out but has no --quiet")
        #expect(replaced.stderr.isEmpty, "\(command): --quiet leaves only errors on stderr: \(replaced.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) != "keep me\n", "\(command) did not replace the file")
    }

    /// Exit 74 (an I/O error while writing) is documented with the others in `chitieu --help` and README.
    @Test("every exit code, 74 included, is documented in chitieu --help and README")
    func exitCodesDocumented() throws {
        let help = try runChitieu(args: ["--help"])
        let readme = try String(contentsOf: packageRoot().appendingPathComponent("README.md"), encoding: .utf8)
        let flat = { (text: String) in text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
        for code in ["0 ok", "64 usage", "65 bad data", "66 missing input", "70 internal", "73 cannot create output",
                     "74 I/O error", "78 bad"] {
            #expect(flat(help.stdout).contains(code), "chitieu --help lacks \"\(code)\"")
            #expect(flat(readme).contains(code), "README lacks \"\(code)\"")
        }
    }

    @Test("chitieu --generate-completion-script bash completes indicator codes and files")
    func completion() throws {
        let script = try runChitieu(args: ["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        // --indicator calls back into chitieu; --data completes file names.
        #expect(script.stdout.contains("---completion project -- --indicator"), "no custom completion for project --indicator")
        #expect(script.stdout.contains("'--data')"))
        // What the shell gets back for `chitieu project --indicator u5<TAB>`: the bundled catalogue's codes.
        let words = try runChitieu(args: ["---completion", "project", "--", "--indicator", "3", "2", "chitieu", "project",
                                          "--indicator", "u5"])
        #expect(words.stdout.split(separator: "\n").contains("u5mr"), "completions: \(words.stdout)")
        #expect(words.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("u5") })
    }
}

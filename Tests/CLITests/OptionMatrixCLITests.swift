import Foundation
import Testing
import TestSupport

/// Every (sub)command and its long options, from ArgumentParser's own description of the parser
/// (`chitieu --experimental-dump-help`: names, kinds and help of every argument of every command).
private struct CommandOptions {
    var path: String
    /// long name → (kind, abstract)
    var options: [String: (kind: String, abstract: String)]
}

private func commandTree() throws -> [CommandOptions] {
    let r = try runChitieu(args: ["--experimental-dump-help"])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    var out: [CommandOptions] = []
    func walk(_ command: [String: Any], _ path: [String]) {
        var options: [String: (kind: String, abstract: String)] = [:]
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                if let n = name["name"] as? String {
                    options[n] = (argument["kind"] as? String ?? "", argument["abstract"] as? String ?? "")
                }
            }
        }
        if !path.isEmpty { out.append(CommandOptions(path: path.joined(separator: " "), options: options)) }
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

    @Test("every command that writes --out refuses to replace a file without --force (64) and replaces it with it",
          arguments: [
            ["project", "--indicator", "u5mr", "--region", "VN", "--format", "csv"],
            ["plot", "--indicator", "u5mr", "--region", "VN"],
            ["data", "check", "Datasets/national/vietnam_national.csv", "--format", "csv"],
          ])
    func outNeedsForce(_ args: [String]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-force-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("existing.out")
        try Data("keep me\n".utf8).write(to: out)
        let full = args.map { $0.hasPrefix("Datasets/") ? datasetsDirectory().appendingPathComponent(String($0.dropFirst(9))).path : $0 }
        let probe = try runChitieu(args: full + ["--help"])
        guard probe.stdout.contains("--out") else { return }  // data check writes to stdout only
        let refused = try runChitieu(args: full + ["--out", out.path])
        #expect(refused.status == 64, "stderr: \(refused.stderr)")
        #expect(refused.stderr.contains("use --force to replace it"), "stderr: \(refused.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me\n")
        let replaced = try runChitieu(args: full + ["--out", out.path, "--force", "--quiet"])
        #expect(replaced.status == 0, "stderr: \(replaced.stderr)")
        #expect(replaced.stderr.isEmpty, "--quiet leaves only errors on stderr: \(replaced.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) != "keep me\n")
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

import ArgumentParser
import Scenarios

/// `chitieu help scenario-file` (or `chitieu scenario-file`): the scenario file reference, generated from
/// the parser's key list and ranges (`ScenarioReference`), so it says what the parser accepts.
struct ScenarioFileHelp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario-file",
        abstract: "Reference of the scenario file format: every key, type, unit, range and default.",
        discussion: ScenarioReference.text)

    func run() throws {
        print(ScenarioReference.text, terminator: "")
    }
}

import ArgumentParser

struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw fan charts and the scorecard overview as SVG.")

    func run() throws {
        try notYetImplemented("plot")
    }
}

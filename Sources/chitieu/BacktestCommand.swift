import ArgumentParser

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score interval coverage and P(attain) calibration on held-out years.")

    func run() throws {
        try notYetImplemented("backtest")
    }
}

// Shared test helpers: RunChitieu.swift runs the built binary (`runChitieu(args:stdin:)`) and locates
// the package root and Datasets/.
import Testing

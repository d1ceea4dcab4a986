import Foundation

/// Parses the tidy CSV chitieu writes (RFC 4180 quoting, no quoted newlines): one array of fields per line.
public func parseTidyCSV(_ text: String) -> [[String]] {
    text.split(separator: "\n", omittingEmptySubsequences: true).map { line in
        var fields: [String] = [], field = "", quoted = false
        var previous: Character?
        for c in line where c != "\r" {
            if c == "\"" {
                // A doubled quote inside a quoted field is one quote.
                if quoted, previous == "\"" { field.append("\"") }
                quoted.toggle()
            } else if c == ",", !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
            previous = c
        }
        fields.append(field)
        return fields
    }
}

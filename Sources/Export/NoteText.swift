import Foundation

/// Notes of a run (model choice, thin data, no projection, …) in the reader's language. The layers below
/// word their notes in English; this table translates their fixed phrases for `--lang vi`, leaving codes,
/// numbers and names as they are.
public enum NoteText {
    public static func localized(_ note: String, _ language: Language) -> String {
        guard language == .vi else { return note }
        var out = note
        for (en, vi) in phrases { out = out.replacingOccurrences(of: en, with: vi) }
        return out
    }

    static let phrases: [(String, String)] = []
}

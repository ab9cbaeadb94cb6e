/// Passwords a guesser tries first (issue 23 §4, NIST SP 800-63B §5.1.1.2: check new passwords
/// against a list of commonly used ones). The list and its provenance: `CommonPasswordList`.
public enum CommonPasswords {
    static let set: Set<String> = Set(CommonPasswordList.text.split(separator: "\n").map(String.init))

    /// Why `password` is too common, or nil. Case is ignored, and so are digits and symbols added
    /// at either end ("Password2026!" is "password" to a guesser's rules).
    public static func problem(_ password: String) -> String? {
        let lowered = password.lowercased()
        if set.contains(lowered) { return "is one of the 10,000 most common passwords" }
        let core = lowered.trimmingEdges { !$0.isLetter }
        if core.count >= 4, set.contains(core) {
            return "is a common password (\"\(core)\") with digits or symbols added"
        }
        if Set(lowered).count < AccountPolicy.minimumDistinctPasswordCharacters {
            return "uses fewer than \(AccountPolicy.minimumDistinctPasswordCharacters) different characters"
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingEdges(where drop: (Character) -> Bool) -> String {
        var s = Substring(self)
        while let c = s.first, drop(c) { s.removeFirst() }
        while let c = s.last, drop(c) { s.removeLast() }
        return String(s)
    }
}

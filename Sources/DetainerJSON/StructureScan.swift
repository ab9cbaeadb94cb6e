import DetainerDomain
import Foundation

/// Finds duplicate object keys and trailing commas in JSON text that `JSONSerialization` has
/// already accepted (so strings, numbers and literals are known to be well formed). One pass over
/// the bytes, tracking only the container stack and each object's keys, so every problem is named
/// by its path (`convictions[1].hateCrime`).
enum StructureScan {
    private enum Container {
        case object(keys: Set<String>, current: String?, expectingKey: Bool)
        case array(index: Int)
    }

    static func issues(in data: Data) -> [ValidationIssue] {
        let bytes = [UInt8](data)
        var issues: [ValidationIssue] = []
        var stack: [Container] = []
        var lastSignificant: UInt8 = 0
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                let start = position + 1
                var end = start
                while bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                if case .object(var keys, _, true)? = stack.last {
                    let key = decodedString(bytes[start..<end])
                    if !keys.insert(key).inserted {
                        issues.append(ValidationIssue(path: path(stack.dropLast(), appending: key), message: "duplicate key"))
                    }
                    stack[stack.count - 1] = .object(keys: keys, current: key, expectingKey: false)
                }
                position = end
            case UInt8(ascii: "{"):
                stack.append(.object(keys: [], current: nil, expectingKey: true))
            case UInt8(ascii: "["):
                stack.append(.array(index: 0))
            case UInt8(ascii: ","):
                switch stack.last {
                case .object(let keys, let current, _)?: stack[stack.count - 1] = .object(keys: keys, current: current, expectingKey: true)
                case .array(let index)?: stack[stack.count - 1] = .array(index: index + 1)
                case nil: break
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if lastSignificant == UInt8(ascii: ",") {
                    issues.append(ValidationIssue(path: path(stack.dropLast(), appending: nil), message: "trailing comma"))
                }
                stack.removeLast()
            default:
                break
            }
            if ![0x20, 0x09, 0x0A, 0x0D].contains(byte) { lastSignificant = byte }
            position += 1
        }
        return issues
    }

    /// `data` with the digits of every number's exponent outside strings replaced by `0`, so
    /// `1e999` reads `1e000`; bounds-safe on any bytes (it runs on text Foundation refused).
    static func zeroingExponents(in data: Data) -> Data {
        var bytes = [UInt8](data)
        var position = 0
        var inString = false
        while position < bytes.count {
            let byte = bytes[position]
            if inString {
                if byte == UInt8(ascii: "\\") { position += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E"),
                      position > 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position - 1]) {
                var index = position + 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                    bytes[index] = UInt8(ascii: "0")
                    index += 1
                }
                position = index - 1
            }
            position += 1
        }
        return Data(bytes)
    }

    /// A key's text with its escapes resolved (`"\u0061"` and `"a"` are the same key).
    private static func decodedString(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
        return (try? JSONSerialization.jsonObject(with: quoted, options: [.fragmentsAllowed]) as? String)
            ?? String(decoding: raw, as: UTF8.self)
    }

    /// The path of the value being read: each object's current key, each array's index.
    private static func path<S: Sequence>(_ stack: S, appending key: String?) -> String where S.Element == Container {
        var path = ""
        for container in stack {
            switch container {
            case .object(_, let current, _):
                if let current { path += path.isEmpty ? current : "." + current }
            case .array(let index):
                path += "[\(index)]"
            }
        }
        if let key { path += path.isEmpty ? key : "." + key }
        return path.isEmpty ? "$" : path
    }
}

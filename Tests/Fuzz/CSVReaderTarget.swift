// libFuzzer target for the streaming CSV reader (Sources/CSVStream). Not a SwiftPM target:
// Scripts/fuzz compiles it together with Sources/CSVStream/*.swift into one module, so the
// reader's types are used here without an import.
//
// The first input byte picks the reader's options (chunk size, delimiter, strict quotes, limits)
// so buffer boundaries and limits are exercised; the rest is the file. Every record is read,
// recoverable errors are stepped over as `detainer import --skip-bad` does, and what the reader
// returns is checked for internal consistency. Records that parse are written back with
// CSVWriter and read again: the round trip must give the same fields.
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func csvReaderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let control = data[0]
    let body = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let chunkSizes = [1, 2, 3, 7, 64, 4096]
    let delimiters: [Unicode.Scalar] = [",", ";", "\t", "|"]
    var options = CSVReader.Options()
    options.chunkSize = chunkSizes[Int(control & 0x7) % chunkSizes.count]
    options.delimiter = delimiters[Int((control >> 3) & 0x3)]
    options.strictQuotes = control & 0x20 != 0
    options.skipBlankLines = control & 0x40 != 0
    if control & 0x80 != 0 {
        options.maxFieldLength = 64
        options.maxRecordLength = 256
    }

    guard let fd = memoryFile(body) else { return 0 }
    let reader: CSVReader
    do { reader = try CSVReader(fileDescriptor: fd, closeWhenDone: true, options: options) } catch { close(fd); return 0 }
    var rows: [[String]] = []
    do {
        let header = try reader.readHeader()
        precondition(header.count >= 1, "a header has at least one field")
    } catch {
        return 0
    }
    var steps = 0
    while steps < 100_000 {
        steps += 1
        do {
            guard let record = try reader.next() else { break }
            precondition(record.count >= 1, "a record has at least one field")
            precondition(record.line >= 1 && record.lineSpan >= 1, "line numbers start at 1")
            let fields = record.fields
            precondition(fields.count == record.count)
            precondition(!record.rawBytes.isEmpty || record.isBlank, "a non-blank record has raw bytes")
            if rows.count < 64 { rows.append(fields) }
        } catch {
            precondition(!error.description.isEmpty)
            if !error.isRecoverable { break }
            _ = error.rawRecord
        }
    }
    roundTrip(rows, delimiter: options.delimiter)
    return 0
}

/// Writes `rows` with CSVWriter and reads them back with default options: same fields.
private func roundTrip(_ rows: [[String]], delimiter: Unicode.Scalar) {
    // Fields the writer cannot represent faithfully for this check: NUL, invalid text.
    let rows = rows.filter { row in row.allSatisfy { !$0.unicodeScalars.contains("\u{0}") } }
    guard !rows.isEmpty else { return }
    guard let fd = anonymousFile() else { return }
    do {
        let writer = try CSVWriter(fileDescriptor: fd, closeWhenDone: false, options: .init(delimiter: delimiter))
        for row in rows { try writer.write(row) }
        try writer.flush()
    } catch {
        close(fd); return
    }
    lseek(fd, 0, SEEK_SET)
    var options = CSVReader.Options()
    options.delimiter = delimiter
    options.skipBlankLines = false
    guard let reader = try? CSVReader(fileDescriptor: fd, closeWhenDone: true, options: options) else { close(fd); return }
    var back: [[String]] = []
    while true {
        do {
            guard let record = try reader.next() else { break }
            back.append(record.fields)
        } catch {
            preconditionFailure("reading back what CSVWriter wrote failed: \(error) for rows \(rows)")
        }
    }
    precondition(back == rows, "round trip changed the rows: \(rows) → \(back)")
}

/// The bytes as a file descriptor (the reader reads descriptors, like `detainer import`).
private func memoryFile(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
    guard let fd = anonymousFile() else { return nil }
    var offset = 0
    while offset < bytes.count {
        let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if n <= 0 { close(fd); return nil }
        offset += n
    }
    lseek(fd, 0, SEEK_SET)
    return fd
}

/// An unlinked file in /dev/shm (memfd_create is not visible to Swift's Glibc module).
private func anonymousFile() -> Int32? {
    var template = Array("/dev/shm/csv-fuzz-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { return nil }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return fd
}

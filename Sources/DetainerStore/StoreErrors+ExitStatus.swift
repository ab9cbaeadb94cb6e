import CSVStream
import Sysexits

// How each of the store's errors ends the process (see `ExitStatusError`).

extension StoreError: ExitStatusError {
    public var exitStatus: ExitStatus {
        switch self {
        case .missingDatabase, .notAFile: .noInput
        case .needsMigration, .badStoredValue: .dataError
        case .readOnly: .ioError
        }
    }
}

extension PermissionDenied: ExitStatusError { public var exitStatus: ExitStatus { .permission } }
extension SecondFactorRefused: ExitStatusError { public var exitStatus: ExitStatus { .permission } }
extension NotFound: ExitStatusError {
    public var exitStatus: ExitStatus { .dataError }
    public var refusal: RefusalKind { .notFound }
}

extension IllegalTransition: ExitStatusError {
    public var exitStatus: ExitStatus { .dataError }
    public var refusal: RefusalKind { .conflict }
}

extension DuplicateImport: ExitStatusError {
    public var exitStatus: ExitStatus { .dataError }
    public var refusal: RefusalKind { .conflict }
}

extension ImportRefused: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }

extension DuplicateDetainer: ExitStatusError {
    public var exitStatus: ExitStatus { .dataError }
    public var refusal: RefusalKind { .conflict }
}

extension RowError: ExitStatusError {
    var exitStatus: ExitStatus { .dataError }
    var exitMessage: String { column.map { "\($0): \(message)" } ?? message }
}

/// Stored text that is not JSON was written by this tool itself: a bug to report.
extension JSONTextError: ExitStatusError { var exitStatus: ExitStatus { .software } }

/// A file that is not the CSV it should be (read or written by CSVStream, below the store), or
/// one that could not be read or written at all.
extension CSVError: ExitStatusError {
    public var exitStatus: ExitStatus {
        if case .io = kind { return .ioError }
        return .dataError
    }
}
extension IntegrityRefusal: ExitStatusError { public var exitStatus: ExitStatus { .permission } }
extension KeyFileError: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }
extension BoundedFile.Failure: ExitStatusError {
    public var exitStatus: ExitStatus {
        switch self {
        case .missing, .unreadable: .noInput
        case .notRegular, .tooLarge: .dataError
        case .notPrivate: .permission
        }
    }
}
extension SecondPersonRequired: ExitStatusError { public var exitStatus: ExitStatus { .permission } }
extension Section9131hWarning: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }
extension LateHonorWarning: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }

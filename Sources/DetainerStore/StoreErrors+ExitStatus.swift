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
extension NotFound: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }
extension IllegalTransition: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }
extension DuplicateImport: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }
extension ImportRefused: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }
extension DuplicateDetainer: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }
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

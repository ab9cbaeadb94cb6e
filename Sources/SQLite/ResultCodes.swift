import CSQLite

/// Extended result codes are function-like macros in sqlite3.h, which Swift does not import.
/// Values from sqlite3.h: (primary | (n << 8)).
enum ExtendedCode {
    static let constraintCheck: Int32 = SQLITE_CONSTRAINT | (1 << 8)
    static let constraintForeignKey: Int32 = SQLITE_CONSTRAINT | (3 << 8)
    static let constraintNotNull: Int32 = SQLITE_CONSTRAINT | (5 << 8)
    static let constraintPrimaryKey: Int32 = SQLITE_CONSTRAINT | (6 << 8)
    static let constraintTrigger: Int32 = SQLITE_CONSTRAINT | (7 << 8)
    static let constraintUnique: Int32 = SQLITE_CONSTRAINT | (8 << 8)
    static let constraintDatatype: Int32 = SQLITE_CONSTRAINT | (12 << 8)
    static let ioerrRead: Int32 = SQLITE_IOERR | (1 << 8)
    static let ioerrWrite: Int32 = SQLITE_IOERR | (3 << 8)
    static let ioerrFsync: Int32 = SQLITE_IOERR | (4 << 8)
    static let ioerrLock: Int32 = SQLITE_IOERR | (15 << 8)
}

#ifndef DETAINER_CSQLITE_SHIM_H
#define DETAINER_CSQLITE_SHIM_H

#include <sqlite3.h>

// Swift cannot call C variadic functions, so the few sqlite3_config / sqlite3_db_config calls we
// need are wrapped here.

// Double-quoted string literals are a classic SQLite foot-gun ("name" silently becomes a string
// when the column does not exist); we turn them off for both DDL and DML.
static inline int csqlite_disable_double_quoted_strings(sqlite3 *db) {
#if SQLITE_VERSION_NUMBER >= 3029000
    int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)0);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)0);
#else
    return SQLITE_OK;
#endif
}

// Defensive mode forbids writes to the schema through PRAGMA writable_schema and similar
// corruption-prone features; a records system has no use for them.
static inline int csqlite_enable_defensive(sqlite3 *db) {
#if SQLITE_VERSION_NUMBER >= 3026000
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
#else
    return SQLITE_OK;
#endif
}

// SQLite keeps global memory statistics behind a process-wide mutex taken on every
// allocation; we never read them. Must run before the library initializes (first open).
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif

#include <sqlite3.h>

// The product turns SQLite's global memory statistics off before its first connection
// (Sources/CSQLite/shim.h). sqlite3_config works only before the library initializes, so the
// benchmark does it once at start-up for every variant alike.
static inline int bench_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

// Reading the feed's tables from an SQLite file: read-only, in one transaction, bounded in time.
#include "sync/db_feed.hpp"

#include "sync/sqlite.hpp"

#include <chrono>

namespace podium::sync {
namespace {

using Clock = std::chrono::steady_clock;

// SQLite's progress handler runs this every few thousand virtual machine steps; a non-zero
// return interrupts the statement. So a huge or pathological view cannot hold the sync thread.
int past_deadline(void* deadline) {
    return Clock::now() > *static_cast<Clock::time_point*>(deadline) ? 1 : 0;
}

StmtHandle prepare(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) !=
        SQLITE_OK)
        throw SqlError(sqlite3_errmsg(db));
    return StmtHandle(raw);
}

// true: a row is ready; false: done.
bool step(sqlite3* db, sqlite3_stmt* stmt) {
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw SqlError(sqlite3_errmsg(db));
    return rc == SQLITE_ROW;
}

db::Cell read_cell(sqlite3_stmt* stmt, int col) {
    db::Cell cell;
    switch (sqlite3_column_type(stmt, col)) {
    case SQLITE_INTEGER:
        cell.type = db::CellType::integer;
        cell.integer = sqlite3_column_int64(stmt, col);
        cell.text = std::to_string(cell.integer);
        break;
    case SQLITE_FLOAT:
        cell.type = db::CellType::real;
        cell.real = sqlite3_column_double(stmt, col);
        break;
    case SQLITE_TEXT:
        cell.type = db::CellType::text;
        cell.text.assign(reinterpret_cast<const char*>(sqlite3_column_text(stmt, col)),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt, col)));
        break;
    case SQLITE_BLOB: // only its size is ever shown
        cell.type = db::CellType::blob;
        cell.text.assign(static_cast<std::size_t>(sqlite3_column_bytes(stmt, col)), '\0');
        break;
    default:
        break; // NULL
    }
    return cell;
}

// Table names are case-insensitive in SQLite, as they are here.
bool table_exists(sqlite3* db, std::string_view name) {
    const StmtHandle stmt = prepare(db, "SELECT 1 FROM sqlite_master WHERE type IN ('table', "
                                        "'view') AND name = ?1 COLLATE NOCASE");
    sqlite3_bind_text(stmt.get(), 1, name.data(), static_cast<int>(name.size()), SQLITE_STATIC);
    return step(db, stmt.get());
}

db::Table read_table(sqlite3* db, std::string_view name) {
    // LIMIT one more than allowed: enough to tell "too many" without reading them all.
    const StmtHandle stmt = prepare(db, "SELECT * FROM \"" + std::string(name) + "\" LIMIT " +
                                            std::to_string(kMaxRows + 1));
    db::Table table;
    const int n = sqlite3_column_count(stmt.get());
    for (int i = 0; i < n; ++i)
        table.columns.emplace_back(sqlite3_column_name(stmt.get(), i));
    while (step(db, stmt.get())) {
        if (table.rows.size() == kMaxRows)
            throw SqlError("table \"" + std::string(name) + "\": more than " +
                           std::to_string(kMaxRows) + " rows");
        auto& row = table.rows.emplace_back();
        row.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            row.push_back(read_cell(stmt.get(), i));
    }
    return table;
}

db::Tables read_tables(sqlite3* db) {
    // Deferred: the first SELECT takes the read lock (or WAL snapshot) and every later one reads
    // the same state, so a writer's half-finished update is never seen.
    Transaction tx(db, /*immediate=*/false);
    db::Tables tables;
    for (std::size_t t = 0; t < db::kTableNames.size(); ++t)
        if (table_exists(db, db::kTableNames[t])) tables[t] = read_table(db, db::kTableNames[t]);
    tx.commit();
    return tables;
}

} // namespace

podium::Result<model::Feed> read_sqlite_feed(const std::string& path) {
    const std::string source = "sqlite://" + path;
    // Never URI mode, never create: a path that names no database is an error, not a new file.
    // A leading "file:" would still be a URI if SQLite was built with URIs on by default.
    const std::string name = path.rfind("file:", 0) == 0 ? "./" + path : path;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    DbHandle db(raw);
    if (rc != SQLITE_OK)
        return Error{source +
                     ": cannot open: " + (db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(rc))};
    sqlite3_busy_timeout(db.get(), static_cast<int>(kBusyTimeout.count() * 1000));
    Clock::time_point deadline = Clock::now() + kReadTimeout;
    sqlite3_progress_handler(db.get(), 10'000, past_deadline, &deadline);
    db::Tables tables;
    try {
        tables = read_tables(db.get());
    } catch (const SqlError& e) {
        // The progress handler's interrupt: by now the transaction's rollback has reset the
        // connection's error code, so ask the clock.
        if (Clock::now() > deadline)
            return Error{source + ": cannot read: took longer than " +
                         std::to_string(kReadTimeout.count()) + " s"};
        return Error{source + ": cannot read: " + e.what()};
    }
    auto feed = db::feed_from_tables(std::move(tables));
    if (!feed) return Error{source + ": " + feed.error().message};
    return feed;
}

} // namespace podium::sync

#include "sqlite.hpp"

namespace podium::sync {

void throw_sql(sqlite3* db, std::string_view what) {
    throw SqlError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

void exec(sqlite3* db, const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        std::string text = msg ? msg : sqlite3_errmsg(db);
        sqlite3_free(msg);
        throw SqlError(text);
    }
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
        SQLITE_OK)
        throw_sql(db, "prepare");
    stmt_.reset(raw);
}

Statement& Statement::bind(int index, std::int64_t v) {
    if (sqlite3_bind_int64(stmt_.get(), index, v) != SQLITE_OK) throw_sql(db_, "bind");
    return *this;
}

Statement& Statement::bind(int index, double v) {
    if (sqlite3_bind_double(stmt_.get(), index, v) != SQLITE_OK) throw_sql(db_, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view v) {
    if (sqlite3_bind_text(stmt_.get(), index, v.data(), static_cast<int>(v.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK)
        throw_sql(db_, "bind");
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (sqlite3_bind_null(stmt_.get(), index) != SQLITE_OK) throw_sql(db_, "bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_sql(db_, "step");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

std::string Statement::get_text(int col) const {
    const auto* p = sqlite3_column_text(stmt_.get(), col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col)))
             : std::string();
}

Transaction::Transaction(sqlite3* db, bool immediate) : db_(db) {
    exec(db_, immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    exec(db_, "COMMIT");
    done_ = true;
}

} // namespace podium::sync

// Thin RAII over SQLite's C API: a connection, prepared statements, and a transaction that rolls
// back in its destructor unless committed. Failures throw SqlError inside the sync layer; the
// Store converts them to Result values at its public boundary.
#pragma once

#include "sync/model/c_handle.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace podium::sync {

struct SqlError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using DbHandle = CHandle<sqlite3, sqlite3_close_v2>;
using StmtHandle = CHandle<sqlite3_stmt, sqlite3_finalize>;

class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);

    Statement& bind(int index, std::int64_t v);
    Statement& bind(int index, int v) { return bind(index, std::int64_t{v}); }
    Statement& bind(int index, double v);
    Statement& bind(int index, std::string_view v);
    Statement& bind_null(int index);

    bool step(); // true: a row is ready; false: done
    void run();  // step to completion, for statements without rows
    void reset();

    std::int64_t get_int(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
    double get_double(int col) const { return sqlite3_column_double(stmt_.get(), col); }
    std::string get_text(int col) const;
    bool is_null(int col) const { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }

  private:
    sqlite3* db_;
    StmtHandle stmt_;
};

class Transaction {
  public:
    explicit Transaction(sqlite3* db, bool immediate = true);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    sqlite3* db_;
    bool done_ = false;
};

void exec(sqlite3* db, const char* sql);
[[noreturn]] void throw_sql(sqlite3* db, std::string_view what);

} // namespace podium::sync

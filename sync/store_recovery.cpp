#include "store_recovery.hpp"

#include "file_read.hpp"
#include "sqlite.hpp"
#include "store_identity.hpp"

#include <cstdio>
#include <filesystem>
#include <limits>
#include <system_error>

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace podium::sync {
namespace fs = std::filesystem;
namespace {

// Only these say the file itself is damaged. Everything else (busy, locked, no permission,
// read-only, disk full, I/O error) is about the surroundings, and moving the file would lose a
// good store.
bool is_corruption(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

std::string first_line(std::string s) {
    if (const auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
    return s;
}

// "2026-11-25T10:00:00Z" -> "20261125T100000Z": a file name without colons.
std::string compact_time(const std::string& rfc3339) {
    std::string out;
    for (char c : rfc3339)
        if (c != '-' && c != ':') out += c;
    return out.empty() ? "unknown-time" : out;
}

std::string unused_name(const std::string& base) {
    std::error_code ec;
    std::string name = base;
    for (int n = 2; fs::exists(name, ec) || fs::exists(name + "-wal", ec); ++n)
        name = base + "-" + std::to_string(n);
    return name;
}

// A rename survives a power cut only once the folder holding it is on disk.
void sync_folder_of(const std::string& path) {
    const auto parent = fs::path(path).parent_path();
    const int fd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

// Copies all of `from` into `into` with SQLite's backup API: "" when done, else why not.
std::string backup_all(sqlite3* into, sqlite3* from) {
    sqlite3_backup* backup = sqlite3_backup_init(into, "main", from, "main");
    if (!backup) return sqlite3_errmsg(into);
    const int step = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    return step == SQLITE_DONE ? "" : sqlite3_errmsg(into);
}

} // namespace

std::string corruption_of(const std::string& path) {
    std::error_code ec;
    if (path.empty() || path == ":memory:" || !fs::is_regular_file(path, ec)) return {};
    if (fs::file_size(path, ec) == 0) return {}; // an empty file is a valid, empty database
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    DbHandle db(raw);
    if (rc != SQLITE_OK) return is_corruption(rc) && raw ? sqlite3_errmsg(raw) : "";
    // Looking must not change what is looked at: no checkpoint on close, and a -wal stays (it
    // goes aside with the file when that is corrupt).
    int on = 1;
    sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    sqlite3_file_control(raw, "main", SQLITE_FCNTL_PERSIST_WAL, &on);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    sqlite3_stmt* st_raw = nullptr;
    if (const int prc = sqlite3_prepare_v2(raw, "PRAGMA quick_check", -1, &st_raw, nullptr); prc != SQLITE_OK)
        return is_corruption(prc) ? sqlite3_errmsg(raw) : "";
    StmtHandle st(st_raw);
    const int step = sqlite3_step(st_raw);
    if (step == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(st_raw, 0);
        const std::string result = text ? reinterpret_cast<const char*>(text) : "";
        return result == "ok" ? "" : "quick_check: " + first_line(result);
    }
    return is_corruption(step) ? sqlite3_errmsg(raw) : "";
}

Result<OpenedStore> open_or_rebuild_store(const std::string& path, const std::string& now_utc) {
    std::error_code ec;
    const auto kind = fs::status(path, ec);
    if (!ec && fs::exists(kind) && !fs::is_regular_file(kind))
        if (auto st = check_regular_file(path, std::numeric_limits<std::int64_t>::max()); !st)
            return Error{"the store " + st.error().message};
    // Only a file that was a Podium store is moved aside: anything else is someone else's, and is
    // told apart before SQLite opens it (which could add a -shm or take a -wal beside it).
    if (const std::string what = foreign_by_bytes(path); !what.empty())
        return Error{not_a_store(path, what)};
    const std::string why = corruption_of(path);
    if (!why.empty() && !was_podium_store(path)) return Error{not_a_store(path, why)};
    if (why.empty()) {
        auto store = Store::open(path);
        if (!store) return Error{store.error().message + disk_hint(path)};
        return OpenedStore{std::move(store).value(), {}, {}};
    }
    const std::string aside = unused_name(path + ".corrupt-" + compact_time(now_utc));
    fs::rename(path, aside, ec);
    if (ec)
        return Error{"the store " + path + " is corrupt (" + why + ") and cannot be moved aside to " +
                     aside + ": " + ec.message()};
    // The journal belongs to the damaged file: left behind, SQLite would replay it into the new one.
    for (const char* suffix : {"-wal", "-journal"})
        if (fs::exists(path + suffix, ec)) fs::rename(path + suffix, aside + suffix, ec);
    fs::remove(path + "-shm", ec);
    sync_folder_of(path);

    auto store = Store::open(path);
    if (!store)
        return Error{"the store " + path + " was corrupt (" + why + ") and was moved aside to " + aside +
                     ", but a fresh one cannot be created: " + store.error().message};
    std::string notice = "the store " + path + " was corrupt (" + why + "): moved it aside to " + aside +
                         " and started a fresh store";
    store.value().log({now_utc, "warning", "store", notice});
    return OpenedStore{std::move(store).value(), aside, std::move(notice)};
}

std::string disk_hint(const std::string& path) {
    const auto parent = fs::path(path).parent_path();
    struct statvfs st {};
    if (::statvfs(parent.empty() ? "." : parent.c_str(), &st) != 0) return {};
    if (st.f_flag & ST_RDONLY) return " (the file system holding it is read-only)";
    const auto free_bytes = static_cast<unsigned long long>(st.f_bavail) * st.f_frsize;
    if (free_bytes < (1ull << 20))
        return " (the file system holding it is full: " + std::to_string(free_bytes >> 10) + " KiB free)";
    return {};
}

namespace {

// "file:" URI of a path, for SQLite's URI parameters (mode=ro, immutable=1).
std::string file_uri(const std::string& path, const char* parameters) {
    std::string uri = "file:";
    for (char c : path) {
        if (c == '?' || c == '#' || c == '%') {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
            uri += buf;
        } else {
            uri += c;
        }
    }
    return uri + "?" + parameters;
}

// Copies the database behind `name` (a path or URI) into `into`; "" when done, else why not.
std::string copy_into(sqlite3* into, const std::string& name, int flags, bool exclusive) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
    DbHandle file(raw);
    if (rc != SQLITE_OK) return raw ? sqlite3_errmsg(raw) : "out of memory";
    sqlite3_busy_timeout(raw, 5000);
    // Set before the first read: SQLite then keeps the WAL index on the heap instead of the -shm
    // file, which a full disk cannot hold. The lock goes when `file` closes.
    if (exclusive && sqlite3_exec(raw, "PRAGMA locking_mode = EXCLUSIVE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqlite3_errmsg(raw);
    return backup_all(into, raw);
}

} // namespace

Result<Store> read_only_copy(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return Error{"store " + path + ": no such file"};
    if (const std::string what = foreign_by_bytes(path); !what.empty())
        return Error{not_a_store(path, what)};
    auto copy = Store::open(":memory:");
    if (!copy) return copy.error();
    sqlite3* into = copy.value().raw();
    // A full disk: read-write, exclusive (the journal is read, nothing is written). A read-only
    // file system with the journal's files there: read-only. Without them: immutable, which
    // reads the file alone, and so only when no journal holds newer data.
    std::string why = copy_into(into, path, SQLITE_OPEN_READWRITE, true);
    if (!why.empty()) why = copy_into(into, file_uri(path, "mode=ro"), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, false);
    const bool journal = fs::exists(path + "-wal", ec) && fs::file_size(path + "-wal", ec) > 0;
    if (!why.empty() && !journal)
        why = copy_into(into, file_uri(path, "immutable=1"), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, false);
    if (!why.empty()) return Error{"store " + path + ": cannot read it either (" + why + ")"};
    try {
        if (const std::string what = foreign_database(into); !what.empty())
            return Error{not_a_store(path, what)};
    } catch (const SqlError& e) {
        return Error{"store " + path + ": cannot read it either (" + e.what() + ")"};
    }
    if (const int v = copy.value().schema_version(); v != Store::latest_schema_version())
        return Error{"store " + path + ": its schema version " + std::to_string(v) + " is not this Podium's (" +
                     std::to_string(Store::latest_schema_version()) + "), so it cannot be read as it is"};
    return copy;
}

std::string backup_before_migration(sqlite3* db, const std::string& path, int target_version) {
    const std::string target = path + ".pre-v" + std::to_string(target_version) + ".bak";
    const std::string tmp = target + ".tmp";
    std::error_code ec;
    fs::remove(tmp, ec); // a copy cut short by a crash last time
    const auto fail = [&](const std::string& why) {
        fs::remove(tmp, ec);
        throw SqlError("cannot copy the store to " + target + " before upgrading it, so it was not upgraded: " + why);
    };
    {
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(tmp.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        DbHandle copy(raw);
        if (rc != SQLITE_OK) fail(raw ? sqlite3_errmsg(raw) : "out of memory");
        if (const std::string why = backup_all(raw, db); !why.empty()) fail(why);
        // Closing checkpoints the copy's journal (the copy is WAL like its source) into the file.
    }
    fs::rename(tmp, target, ec);
    if (ec) fail(ec.message());
    sync_folder_of(target);
    return target;
}

} // namespace podium::sync

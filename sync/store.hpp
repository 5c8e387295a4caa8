// The local store: one SQLite file (WAL) holding the last good feed, settings and logs.
// Migrations run on open; a feed is applied in one transaction, all or nothing.
#pragma once

#include "sync/model/result.hpp"
#include "sync/model/snapshot.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace podium::sync {

struct ApplyInfo {
    std::string source; // "demo", a URL, a path
    bool is_demo = false;
    std::string applied_at; // RFC 3339 UTC; the caller's clock
};

struct LogEntry {
    std::string at;
    std::string level;    // "info", "warning", "error"
    std::string category; // "sync", "display", "admin", ...
    std::string message;
};

class Store {
  public:
    // Opens (creating if needed) and migrates to the latest schema. ":memory:" works for tests.
    static Result<Store> open(const std::string& path);

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    int schema_version() const;
    static int latest_schema_version();

    bool has_data() const;
    // Replaces everything the store holds of the feed with `feed`, in one transaction. The feed
    // must already be validated; on any failure the store keeps what it had.
    Status apply_feed(const model::Feed& feed, const ApplyInfo& info);
    Result<model::SnapshotPtr> load_snapshot() const;

    std::optional<std::string> setting(const std::string& key) const;
    Status set_setting(const std::string& key, const std::string& value, const std::string& at);

    void log(const LogEntry& entry); // best effort: a full disk must not stop the screen
    std::vector<LogEntry> recent_logs(int limit) const;

    sqlite3* raw() const { return db_.get(); }

  private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    explicit Store(sqlite3* db) : db_(db) {}
    std::unique_ptr<sqlite3, Closer> db_;
};

} // namespace podium::sync

// The local store: one SQLite file (WAL) holding the last good feed, settings and logs.
// Migrations run on open; a feed is applied in one transaction, all or nothing.
#pragma once

#include "sync/model/result.hpp"
#include "sync/model/snapshot.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;

namespace podium::sync {

struct ApplyInfo {
    std::string source; // "demo", a URL, a path (passwords redacted)
    bool is_demo = false;
    std::string applied_at; // RFC 3339 UTC; the caller's clock
    std::string etag, last_modified; // HTTP validators, for the next conditional request
};

// The validators of the feed the store holds, and where it came from.
struct FeedOrigin {
    std::string source, etag, last_modified;
};

enum class SyncOutcome { applied, unchanged, rejected, unreachable, store_error };
std::string_view outcome_name(SyncOutcome o);

struct SyncAttempt {
    std::string at; // RFC 3339 UTC
    std::string source; // passwords redacted
    SyncOutcome outcome = SyncOutcome::unreachable;
    std::string error; // empty when applied or unchanged
    double seconds = 0;
    std::int64_t rows = 0; // champions + monthly rows + successes + investment of the feed read
};

// One changed setting in the audit log. A value that did not exist is nullopt; a secret's values
// (a token) are kept as "(hidden)", never their text.
struct AuditEntry {
    std::string at;    // RFC 3339 UTC
    std::string actor; // "overlay", "config apply", ...
    std::string key;
    std::optional<std::string> old_value, new_value;
};

// One slide that went on screen.
struct PlayEntry {
    std::string at; // RFC 3339 UTC
    std::string slide;
    std::string audience;
    std::int64_t data_version = 0;
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
    // Only the metadata (version, source, when): for a caller that already holds the feed.
    Result<model::SnapshotMeta> load_meta() const;
    std::optional<FeedOrigin> origin() const;

    void record_attempt(const SyncAttempt& attempt); // best effort, like log()
    // When the data was last applied or confirmed (RFC 3339 UTC): the newest such attempt, else
    // when the feed was applied (attempts are a ring); nullopt for the demo or an empty store.
    std::optional<std::string> last_success_at() const;
    std::vector<SyncAttempt> recent_attempts(int limit) const;

    std::optional<std::string> setting(const std::string& key) const;
    Status set_setting(const std::string& key, const std::string& value, const std::string& at);
    // Several settings in one transaction: all are saved, or none.
    Status set_settings(const std::vector<std::pair<std::string, std::string>>& entries,
                        const std::string& at);

    // Settings changed by a person: the new values and one audit row per key whose value
    // changes, in one transaction (all or none). Keys whose value is already that are skipped.
    // The values of `secret_keys` (a token) are kept in the audit log as "(hidden)".
    Status set_settings_audited(const std::vector<std::pair<std::string, std::string>>& entries,
                                const std::string& at, const std::string& actor,
                                const std::vector<std::string>& secret_keys = {});
    std::vector<AuditEntry> recent_audit(int limit) const; // newest first
    void record_play(const PlayEntry& entry); // best effort, a ring like the log
    std::vector<PlayEntry> recent_plays(int limit) const; // newest first

    void log(const LogEntry& entry); // best effort: a full disk must not stop the screen
    std::vector<LogEntry> recent_logs(int limit) const;

    sqlite3* raw() const { return db_.get(); }
    // Cached photos live beside the store file ("photos/"); none for an in-memory store.
    const std::string& photo_dir() const { return photo_dir_; }

  private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    explicit Store(sqlite3* db) : db_(db) {}
    model::SnapshotMeta read_meta() const; // throws SqlError
    std::unique_ptr<sqlite3, Closer> db_;
    std::string photo_dir_;
};

} // namespace podium::sync

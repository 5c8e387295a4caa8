#include "store.hpp"

#include "sqlite.hpp"
#include "store_identity.hpp"
#include "store_recovery.hpp"
#include "store_schema.hpp"

#include <string_view>

namespace podium::sync {
namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr const char* kUpsertSetting = "INSERT INTO settings VALUES (?1, ?2, ?3) ON CONFLICT (key) "
                                        "DO UPDATE SET value = ?2, updated_at = ?3";
constexpr int kLogKeep = 5000; // the log table is a ring: older lines are dropped

// Every column of `monthly` after (champion, month), in model::Metric order, then the money.
constexpr std::string_view kMonthlyColumns =
    "followers, updates, interactions, reach, clicks, profile_views, leads, proposals, deals, "
    "applicants, hires, deal_value_cents";

int user_version(sqlite3* db) {
    Statement st(db, "PRAGMA user_version");
    return st.step() ? static_cast<int>(st.get_int(0)) : 0;
}

// An existing store (version 1 or later) is copied before it is changed, and every step runs in
// one transaction: a failed upgrade leaves the store exactly as it was, with the copy beside it.
// (So no migration may hold what SQLite cannot run in a transaction: VACUUM, journal_mode.)
void migrate(sqlite3* db, const std::string& path) {
    const int have = user_version(db);
    const int want = static_cast<int>(kMigrations.size());
    if (have > want)
        throw SqlError("the store's schema version " + std::to_string(have) +
                       " is newer than this Podium understands (" + std::to_string(want) + ")");
    if (have == want) return;
    const std::string backup = have > 0 && path != ":memory:" ? backup_before_migration(db, path, want) : "";
    int v = have;
    try {
        Transaction tx(db);
        v = user_version(db); // read again under the write lock: another process may have upgraded it
        for (; v < want; ++v) exec(db, kMigrations[static_cast<std::size_t>(v)]);
        exec(db, ("PRAGMA user_version = " + std::to_string(want)).c_str());
        tx.commit();
    } catch (const SqlError& e) {
        const std::string step = v < want ? "step " + std::to_string(v + 1) + ": " : "";
        throw SqlError("upgrading the schema from version " + std::to_string(have) + " to " + std::to_string(want) +
                       " failed (" + step + e.what() + "); the store is unchanged (still version " +
                       std::to_string(have) + ")" + (backup.empty() ? "" : ", and a copy from before the upgrade is at " + backup));
    }
}

void insert_champions(sqlite3* db, const model::Feed& feed) {
    Statement st(db, "INSERT INTO champions VALUES (?,?,?,?,?,?,?,?)");
    int position = 0;
    for (const auto& c : feed.champions) {
        st.bind(1, position++).bind(2, c.id).bind(3, c.name).bind(4, c.team).bind(5, c.photo);
        st.bind(6, int{c.consent.internal}).bind(7, int{c.consent.is_public});
        st.bind(8, int{c.consent.photo}).run();
    }
}

void insert_monthly(sqlite3* db, const model::Feed& feed) {
    Statement st(db, "INSERT INTO monthly (position, champion, month, " +
                         std::string(kMonthlyColumns) + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int position = 0;
    for (const auto& m : feed.monthly) {
        st.bind(1, position++).bind(2, m.champion).bind(3, model::format_year_month(m.month));
        for (std::size_t i = 0; i < model::kCountMetrics; ++i)
            st.bind(static_cast<int>(i) + 4, m.counts[i]);
        st.bind(static_cast<int>(model::kCountMetrics) + 4, m.deal_value_cents).run();
    }
}

void insert_rest(sqlite3* db, const model::Feed& feed) {
    const auto& o = feed.organisation;
    Statement org(db, "INSERT INTO organisation VALUES (1,?,?,?,?,?)");
    org.bind(1, o.name);
    if (o.headcount)
        org.bind(2, *o.headcount);
    else
        org.bind_null(2);
    org.bind(3, o.currency).bind(4, o.champion_goal_percent).bind(5, feed.generated_at).run();

    Statement suc(db, "INSERT INTO successes VALUES (?,?,?,?,?,?,?)");
    int position = 0;
    for (const auto& s : feed.successes) {
        suc.bind(1, position++).bind(2, s.champion).bind(3, model::format_date(s.date));
        suc.bind(4, s.kind).bind(5, s.title).bind(6, s.story).bind(7, s.value).run();
    }
    Statement inv(db, "INSERT INTO investment (position, month, hours, cost) VALUES (?,?,?,?)");
    position = 0;
    for (const auto& i : feed.investment)
        inv.bind(1, position++)
            .bind(2, model::format_year_month(i.month))
            .bind(3, i.hours)
            .bind(4, i.cost)
            .run();
}

model::YearMonth column_month(const Statement& st, int col) {
    return model::parse_year_month(st.get_text(col)).value_or(model::YearMonth{});
}

void load_feed(sqlite3* db, model::Feed& feed) {
    Statement org(db, "SELECT name, headcount, currency, champion_goal_percent, generated_at "
                      "FROM organisation WHERE id = 1");
    if (org.step()) {
        feed.organisation.name = org.get_text(0);
        if (!org.is_null(1)) feed.organisation.headcount = org.get_int(1);
        feed.organisation.currency = org.get_text(2);
        feed.organisation.champion_goal_percent = org.get_double(3);
        feed.generated_at = org.get_text(4);
    }
    Statement ch(db, "SELECT id, name, team, photo, consent_internal, consent_public, "
                     "consent_photo FROM champions ORDER BY position");
    while (ch.step())
        feed.champions.push_back({ch.get_text(0),
                                  ch.get_text(1),
                                  ch.get_text(2),
                                  ch.get_text(3),
                                  {ch.get_int(4) != 0, ch.get_int(5) != 0, ch.get_int(6) != 0}});

    Statement mo(db, "SELECT champion, month, " + std::string(kMonthlyColumns) +
                         " FROM monthly ORDER BY position");
    while (mo.step()) {
        model::MonthlyFigures m;
        m.champion = mo.get_text(0);
        m.month = column_month(mo, 1);
        for (std::size_t i = 0; i < model::kCountMetrics; ++i)
            m.counts[i] = mo.get_int(static_cast<int>(i) + 2);
        m.deal_value_cents = mo.get_int(static_cast<int>(model::kCountMetrics) + 2);
        feed.monthly.push_back(std::move(m));
    }
    Statement su(db, "SELECT champion, date, kind, title, story, value FROM successes "
                     "ORDER BY position");
    while (su.step())
        feed.successes.push_back(
            {su.get_text(0), model::parse_date(su.get_text(1)).value_or(model::Date{}),
             su.get_text(2), su.get_text(3), su.get_text(4), su.get_double(5)});
    Statement in(db, "SELECT month, hours, cost FROM investment ORDER BY position");
    while (in.step())
        feed.investment.push_back({column_month(in, 0), in.get_double(1), in.get_double(2)});
}

} // namespace

void Store::Closer::operator()(sqlite3* db) const {
    sqlite3_close_v2(db);
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::open(const std::string& path) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(
        path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
        nullptr);
    Store store(raw); // owns raw even when the open failed
    if (path != ":memory:" && !path.empty()) {
        const auto slash = path.rfind('/');
        store.photo_dir_ = (slash == std::string::npos ? std::string(".") : path.substr(0, slash)) + "/photos";
    }
    if (rc != SQLITE_OK)
        return Error{"cannot open store " + path + ": " +
                     (raw ? sqlite3_errmsg(raw) : "no memory")};
    try {
        sqlite3_busy_timeout(raw, kBusyTimeoutMs);
        // Before anything is written (journal_mode below writes the header): another program's
        // database never gets Podium's tables.
        if (path != ":memory:")
            if (const std::string what = foreign_database(raw); !what.empty())
                return Error{not_a_store(path, what)};
        exec(raw, "PRAGMA foreign_keys = ON");
        if (path != ":memory:") {
            // WAL: readers (the render thread's snapshot load) never block the sync writer, and a
            // crash mid-write leaves the last committed state.
            exec(raw, "PRAGMA journal_mode = WAL");
            exec(raw, "PRAGMA synchronous = FULL");
        }
        migrate(raw, path);
    } catch (const SqlError& e) {
        return Error{"store " + path + ": " + e.what()};
    }
    return store;
}

int Store::schema_version() const {
    try {
        return user_version(db_.get());
    } catch (const SqlError&) {
        return -1;
    }
}
int Store::latest_schema_version() {
    return static_cast<int>(kMigrations.size());
}

bool Store::has_data() const {
    try {
        Statement st(db_.get(), "SELECT 1 FROM feed_meta WHERE id = 1");
        return st.step();
    } catch (const SqlError&) {
        return false; // unreadable counts as empty; applying a feed then reports the real error
    }
}

Status Store::apply_feed(const model::Feed& feed, const ApplyInfo& info) {
    sqlite3* db = db_.get();
    try {
        Transaction tx(db);
        for (const char* table :
             {"monthly", "successes", "champions", "investment", "organisation"})
            exec(db, (std::string("DELETE FROM ") + table).c_str());
        insert_champions(db, feed);
        insert_monthly(db, feed);
        insert_rest(db, feed);
        Statement meta(db, "INSERT INTO feed_meta (id, data_version, source, is_demo, applied_at, "
                           "etag, last_modified) VALUES (1, 1, ?1, ?2, ?3, ?4, ?5) "
                           "ON CONFLICT (id) DO UPDATE SET data_version = data_version + 1, "
                           "source = ?1, is_demo = ?2, applied_at = ?3, etag = ?4, "
                           "last_modified = ?5");
        meta.bind(1, info.source).bind(2, int{info.is_demo}).bind(3, info.applied_at);
        meta.bind(4, info.etag).bind(5, info.last_modified).run();
        tx.commit();
    } catch (const SqlError& e) {
        return Error{std::string("store: applying the feed failed, the previous data is kept: ") +
                     e.what()};
    }
    return Ok{};
}

model::SnapshotMeta Store::read_meta() const {
    model::SnapshotMeta out;
    out.photo_dir = photo_dir_;
    Statement meta(db_.get(), "SELECT data_version, source, is_demo, applied_at FROM feed_meta");
    if (meta.step()) {
        out.data_version = meta.get_int(0);
        out.source = meta.get_text(1);
        out.is_demo = meta.get_int(2) != 0;
        out.applied_at = meta.get_text(3);
    }
    return out;
}

Result<model::SnapshotMeta> Store::load_meta() const {
    try {
        return read_meta();
    } catch (const SqlError& e) {
        return Error{std::string("store: reading the feed's metadata failed: ") + e.what()};
    }
}

Result<model::SnapshotPtr> Store::load_snapshot() const {
    sqlite3* db = db_.get();
    auto snap = std::make_shared<model::Snapshot>();
    try {
        Transaction tx(db, /*immediate=*/false); // one read transaction: never half an update
        snap->meta = read_meta();
        load_feed(db, snap->feed);
    } catch (const SqlError& e) {
        return Error{std::string("store: loading the snapshot failed: ") + e.what()};
    }
    return model::SnapshotPtr(std::move(snap));
}

std::optional<FeedOrigin> Store::origin() const {
    try {
        Statement st(db_.get(), "SELECT source, etag, last_modified FROM feed_meta WHERE id = 1");
        if (!st.step()) return std::nullopt;
        return FeedOrigin{st.get_text(0), st.get_text(1), st.get_text(2)};
    } catch (const SqlError&) {
        return std::nullopt;
    }
}

std::string_view outcome_name(SyncOutcome o) {
    switch (o) {
    case SyncOutcome::applied:
        return "applied";
    case SyncOutcome::unchanged:
        return "unchanged";
    case SyncOutcome::rejected:
        return "rejected";
    case SyncOutcome::unreachable:
        return "unreachable";
    case SyncOutcome::store_error:
        return "store error";
    }
    return "?";
}

void Store::record_attempt(const SyncAttempt& a) {
    try {
        Statement st(db_.get(), "INSERT INTO sync_attempts (at, source, outcome, error, seconds, rows) "
                                "VALUES (?,?,?,?,?,?)");
        st.bind(1, a.at).bind(2, a.source).bind(3, outcome_name(a.outcome)).bind(4, a.error);
        st.bind(5, a.seconds).bind(6, a.rows).run();
        Statement trim(db_.get(), "DELETE FROM sync_attempts WHERE id <= (SELECT MAX(id) FROM sync_attempts) - ?");
        trim.bind(1, kLogKeep).run();
    } catch (const SqlError&) {
        // Best effort: a full disk must not stop the sync loop or the screen.
    }
}

std::optional<std::string> Store::last_success_at() const {
    try {
        Statement st(db_.get(), "SELECT at FROM sync_attempts WHERE outcome IN ('applied', "
                                "'unchanged') ORDER BY id DESC LIMIT 1");
        if (st.step()) return st.get_text(0);
        Statement meta(db_.get(), "SELECT applied_at FROM feed_meta WHERE id = 1 AND is_demo = 0");
        if (meta.step()) return meta.get_text(0);
    } catch (const SqlError&) {
    }
    return std::nullopt;
}

std::vector<SyncAttempt> Store::recent_attempts(int limit) const {
    std::vector<SyncAttempt> out;
    try {
        Statement st(db_.get(), "SELECT at, source, outcome, error, seconds, rows FROM sync_attempts "
                                "ORDER BY id DESC LIMIT ?");
        st.bind(1, limit);
        while (st.step()) {
            SyncAttempt a{st.get_text(0), st.get_text(1), SyncOutcome::unreachable, st.get_text(3),
                          st.get_double(4), st.get_int(5)};
            const std::string o = st.get_text(2);
            for (auto k : {SyncOutcome::applied, SyncOutcome::unchanged, SyncOutcome::rejected,
                           SyncOutcome::unreachable, SyncOutcome::store_error})
                if (outcome_name(k) == o) a.outcome = k;
            out.push_back(std::move(a));
        }
    } catch (const SqlError&) {
    }
    return out;
}

std::optional<std::string> Store::setting(const std::string& key) const {
    try {
        Statement st(db_.get(), "SELECT value FROM settings WHERE key = ?");
        st.bind(1, key);
        if (!st.step()) return std::nullopt;
        return st.get_text(0);
    } catch (const SqlError&) {
        return std::nullopt; // the built-in default applies
    }
}

Status Store::set_setting(const std::string& key, const std::string& value, const std::string& at) {
    try {
        Statement st(db_.get(), kUpsertSetting);
        st.bind(1, key).bind(2, value).bind(3, at).run();
    } catch (const SqlError& e) {
        return Error{"store: saving setting " + key + " failed: " + e.what()};
    }
    return Ok{};
}

Status Store::set_settings(const std::vector<std::pair<std::string, std::string>>& entries,
                           const std::string& at) {
    try {
        Transaction tx(db_.get());
        Statement st(db_.get(), kUpsertSetting);
        for (const auto& [key, value] : entries)
            st.bind(1, key).bind(2, value).bind(3, at).run();
        tx.commit();
    } catch (const SqlError& e) {
        return Error{std::string("store: saving settings failed, none were changed: ") + e.what()};
    }
    return Ok{};
}

void Store::log(const LogEntry& e) {
    try {
        Statement st(db_.get(), "INSERT INTO logs (at, level, category, message) VALUES (?,?,?,?)");
        st.bind(1, e.at).bind(2, e.level).bind(3, e.category).bind(4, e.message).run();
        Statement trim(db_.get(), "DELETE FROM logs WHERE id <= (SELECT MAX(id) FROM logs) - ?");
        trim.bind(1, kLogKeep).run();
    } catch (const SqlError&) {
        // Best effort by design: logging must never take the slideshow down.
    }
}

std::vector<LogEntry> Store::recent_logs(int limit) const {
    std::vector<LogEntry> out;
    try {
        Statement st(db_.get(),
                     "SELECT at, level, category, message FROM logs ORDER BY id DESC LIMIT ?");
        st.bind(1, limit);
        while (st.step())
            out.push_back({st.get_text(0), st.get_text(1), st.get_text(2), st.get_text(3)});
    } catch (const SqlError&) {
        // An unreadable log shows as empty; it never takes the overlay down.
    }
    return out;
}

} // namespace podium::sync

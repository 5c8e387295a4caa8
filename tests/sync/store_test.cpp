// The local store: schema and migrations, the feed round trip, all-or-nothing applies, WAL reads
// during another connection's write, settings and the log ring. Each test uses its own temporary
// folder (removed at the end) or ":memory:"; SQL checks go through the raw connection.
#include "sync/demo_feed.hpp"
#include "sync/model/c_handle.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;
using podium::model::Feed;
using podium::model::YearMonth;
using podium::sync::ApplyInfo;
using podium::sync::LogEntry;
using podium::sync::Store;

namespace {

// A fresh folder under the system temp dir, removed (with everything in it) on destruction.
class TempDir {
  public:
    TempDir() {
        static std::atomic<unsigned> counter{0};
        std::random_device rd;
        path_ =
            fs::temp_directory_path() / ("podium-store-test-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(counter++) + "-" + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    fs::path path_;
};

using Db = podium::CHandle<sqlite3, sqlite3_close_v2>;

// A second, independent connection, as another process (or the sync thread) would hold.
Db connect(const std::string& path) {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Db db(raw);
    REQUIRE_MESSAGE(rc == SQLITE_OK, "cannot open " << path);
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

void exec(sqlite3* db, const std::string& sql) {
    char* msg = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
    const std::string text = msg ? msg : "";
    sqlite3_free(msg);
    REQUIRE_MESSAGE(rc == SQLITE_OK, sql << ": " << text);
}

// The first column of the first row as text ("" when there is no row).
std::string query_text(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) == SQLITE_OK,
                    sql << ": " << sqlite3_errmsg(db));
    podium::CHandle<sqlite3_stmt, sqlite3_finalize> st(raw);
    const int rc = sqlite3_step(raw);
    REQUIRE_MESSAGE((rc == SQLITE_ROW || rc == SQLITE_DONE), sql << ": " << sqlite3_errmsg(db));
    if (rc != SQLITE_ROW) return {};
    const auto* p = sqlite3_column_text(raw, 0);
    return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
}

std::int64_t query_int(sqlite3* db, const std::string& sql) {
    return std::stoll(query_text(db, sql));
}

std::int64_t count(sqlite3* db, const std::string& table_and_where) {
    return query_int(db, "SELECT COUNT(*) FROM " + table_and_where);
}

std::string sql_literal(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

void check_integrity(sqlite3* db) {
    CHECK(query_text(db, "PRAGMA integrity_check") == "ok");
    CHECK(query_text(db, "PRAGMA foreign_key_check") == ""); // no rows: no dangling references
}

Store open_store(const std::string& path) {
    auto store = Store::open(path);
    REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
    return std::move(store).value();
}

podium::model::SnapshotPtr snapshot(const Store& store) {
    auto snap = store.load_snapshot();
    REQUIRE_MESSAGE(snap.ok(), (snap.ok() ? "" : snap.error().message));
    REQUIRE(snap.value() != nullptr);
    return snap.value();
}

void apply(Store& store, const Feed& feed, const ApplyInfo& info) {
    const auto st = store.apply_feed(feed, info);
    REQUIRE_MESSAGE(st.ok(), (st.ok() ? "" : st.error().message));
}

const Feed& demo() {
    static const Feed feed = podium::sync::generate_demo_feed();
    return feed;
}

// The feed with monthly rows sorted by (champion, month) and investment by month: the content, for
// checks that are about something else than the order the store returns rows in (see the test
// "store: load_snapshot keeps the feed's order of rows" for that).
Feed normalized(Feed f) {
    std::sort(f.monthly.begin(), f.monthly.end(), [](const auto& a, const auto& b) {
        return std::tie(a.champion, a.month) < std::tie(b.champion, b.month);
    });
    std::sort(f.investment.begin(), f.investment.end(),
              [](const auto& a, const auto& b) { return a.month < b.month; });
    return f;
}

const ApplyInfo kDemoInfo{"demo", true, "2026-11-01T07:00:00Z"};
const ApplyInfo kUrlInfo{"https://intranet.example/podium/feed.json", false,
                         "2026-11-02T06:30:00Z"};

podium::model::MonthlyFigures monthly_row(std::string id, YearMonth month, std::int64_t base,
                                          std::int64_t deal_value_cents) {
    podium::model::MonthlyFigures m;
    m.champion = std::move(id);
    m.month = month;
    for (std::size_t i = 0; i < m.counts.size(); ++i)
        m.counts[i] = base + static_cast<std::int64_t>(i);
    m.deal_value_cents = deal_value_cents;
    return m;
}

// Small, hand-made, with the edge values a round trip could lose. Monthly rows and investment are
// in (month, champion) order: the store keeps champions and successes in feed order, but returns
// monthly figures and investment sorted by month (and champion), which is what the display needs.
Feed edge_feed() {
    Feed f;
    f.generated_at = "2026-11-25T09:15:00+01:00";
    f.organisation.name = "Zoë & Søn — Ünïcode B.V.";
    f.organisation.headcount = std::nullopt;
    f.organisation.currency = "USD";
    f.organisation.champion_goal_percent = 12.5;
    // Every consent combination once (internal, public, photo), with non-ASCII and quoted names.
    const char* names[8] = {
        "Zoë Ørsted-Çelik", "Łukasz Żółć", "李小龙",      "D'Artagnan \"Dart\" O'Neil",
        "Ana María Núñez",  "Åsa Öberg",   "🙂 Smiley", "Plain Name"};
    for (int i = 0; i < 8; ++i) {
        podium::model::Champion c;
        c.id = "c" + std::to_string(i) + (i == 2 ? "-ü" : "");
        c.name = names[i];
        c.team = (i % 3 == 0) ? "" : "Team " + std::to_string(i % 2);
        c.photo = (i % 2 == 0) ? "" : "photos/" + c.id + ".jpg";
        c.consent = {(i & 1) != 0, (i & 2) != 0, (i & 4) != 0};
        f.champions.push_back(c);
    }
    f.monthly.push_back(monthly_row("c0", {2026, 9}, 0, 0));
    f.monthly.push_back(monthly_row("c1", {2026, 9}, 7, 1850007));
    f.monthly.push_back(monthly_row("c2-ü", {2026, 9}, 9'000'000'000'000, 999'999'999'999));
    f.monthly.push_back(monthly_row("c0", {2026, 10}, 1, 1));
    f.monthly.push_back(monthly_row("c7", {2026, 10}, 42, 1850007));
    f.successes.push_back({"c1", {2026, 10, 14}, "deal", "A deal — with “quotes”", "", 18500.07});
    f.successes.push_back(
        {"c0", {2026, 9, 30}, "speaking", "Keynote", "Line one\nLine two\twith tab", 0.0});
    f.successes.push_back({"c7", {2026, 2, 28}, "other", "Ω", "Story", 0.1});
    f.investment.push_back({{2026, 9}, 37.25, 1234.56});
    f.investment.push_back({{2026, 10}, 0.0, 0.1});
    return f;
}

// The demo feed without some champions (and their figures and successes), with other organisation
// details: what a source sends after people leave the programme.
Feed reduced_demo(const std::set<std::string>& keep) {
    Feed f = demo();
    std::erase_if(f.champions, [&](const auto& c) { return !keep.contains(c.id); });
    std::erase_if(f.monthly, [&](const auto& m) { return !keep.contains(m.champion); });
    std::erase_if(f.successes, [&](const auto& s) { return !keep.contains(s.champion); });
    f.investment.resize(2);
    f.organisation.name = "Renamed Organisation";
    f.organisation.headcount = 17;
    f.generated_at = "2026-12-01T08:00:00+01:00";
    return f;
}

} // namespace

TEST_CASE("store: a fresh file gets the latest schema, in WAL mode") {
    TempDir dir;
    const std::string path = dir.file("podium.db");
    REQUIRE_FALSE(fs::exists(path));
    Store store = open_store(path);
    CHECK(fs::exists(path));
    REQUIRE(Store::latest_schema_version() >= 1);
    CHECK(store.schema_version() == Store::latest_schema_version());
    CHECK(query_int(store.raw(), "PRAGMA user_version") == Store::latest_schema_version());
    CHECK(query_text(store.raw(), "PRAGMA journal_mode") == "wal");
    CHECK(query_int(store.raw(), "PRAGMA foreign_keys") == 1);
    for (const char* table : {"organisation", "champions", "monthly", "successes", "investment",
                              "feed_meta", "settings", "logs"}) {
        CAPTURE(table);
        CHECK(count(store.raw(), std::string("sqlite_master WHERE type = 'table' AND name = '") +
                                     table + "'") == 1);
    }
    check_integrity(store.raw());

    SUBCASE("another connection sees the same schema and WAL mode") {
        Db other = connect(path);
        CHECK(query_int(other.get(), "PRAGMA user_version") == Store::latest_schema_version());
        CHECK(query_text(other.get(), "PRAGMA journal_mode") ==
              "wal"); // WAL is a property of the file
    }
    SUBCASE(":memory: works too, with the same schema") {
        Store mem = open_store(":memory:");
        CHECK(mem.schema_version() == Store::latest_schema_version());
        CHECK(query_text(mem.raw(), "PRAGMA journal_mode") == "memory");
        CHECK_FALSE(mem.has_data());
        check_integrity(mem.raw());
    }
}

TEST_CASE("store: migrations") {
    TempDir dir;
    const std::string path = dir.file("podium.db");

    SUBCASE("an empty file (schema version 0) is migrated to the latest version") {
        std::ofstream(path, std::ios::binary).flush(); // zero bytes: a valid, empty SQLite database
        REQUIRE(fs::file_size(path) == 0);
        Store store = open_store(path);
        CHECK(store.schema_version() == Store::latest_schema_version());
        CHECK_FALSE(store.has_data());
        apply(store, demo(), kDemoInfo);
        CHECK(normalized(snapshot(store)->feed) == normalized(demo()));
        check_integrity(store.raw());
    }

    SUBCASE("a version-0 database with unrelated content is migrated and keeps that content") {
        {
            Db db = connect(path);
            exec(db.get(),
                 "CREATE TABLE unrelated (x TEXT); INSERT INTO unrelated VALUES ('kept')");
            REQUIRE(query_int(db.get(), "PRAGMA user_version") == 0);
        }
        Store store = open_store(path);
        CHECK(store.schema_version() == Store::latest_schema_version());
        CHECK(query_text(store.raw(), "SELECT x FROM unrelated") == "kept");
        check_integrity(store.raw());
    }

    SUBCASE("reopening a migrated store is a no-op and keeps the data") {
        std::string schema_before;
        {
            Store store = open_store(path);
            apply(store, demo(), kDemoInfo);
            REQUIRE(store.set_setting("privacy.audience", "internal", "2026-11-01T07:00:00Z").ok());
            schema_before =
                query_text(store.raw(), "SELECT group_concat(sql, ';') FROM "
                                        "(SELECT sql FROM sqlite_master ORDER BY name)");
        }
        for (int reopen = 0; reopen < 2; ++reopen) {
            CAPTURE(reopen);
            Store store = open_store(path);
            CHECK(store.schema_version() == Store::latest_schema_version());
            CHECK(query_text(store.raw(),
                             "SELECT group_concat(sql, ';') FROM "
                             "(SELECT sql FROM sqlite_master ORDER BY name)") == schema_before);
            CHECK(store.has_data());
            const auto snap = snapshot(store);
            CHECK(normalized(snap->feed) == normalized(demo()));
            CHECK(snap->meta.data_version == 1);
            CHECK(snap->meta.source == "demo");
            CHECK(store.setting("privacy.audience") == "internal");
            check_integrity(store.raw());
        }
    }

    SUBCASE("a store from a newer Podium is refused, naming both versions") {
        {
            Db db = connect(path);
            exec(db.get(), "CREATE TABLE future (x); PRAGMA user_version = 99");
        }
        auto store = Store::open(path);
        REQUIRE_FALSE(store.ok());
        const std::string& msg = store.error().message;
        CAPTURE(msg);
        CHECK(msg.find("99") != std::string::npos);
        CHECK(msg.find("(" + std::to_string(Store::latest_schema_version()) + ")") !=
              std::string::npos);
        CHECK(msg.find("newer") != std::string::npos);
        CHECK(msg.find(path) != std::string::npos);
        CHECK(msg.find('\n') == std::string::npos);
        // Refusing must not touch the file: the newer Podium can still use it.
        Db db = connect(path);
        CHECK(query_int(db.get(), "PRAGMA user_version") == 99);
        CHECK(count(db.get(), "sqlite_master WHERE name = 'champions'") == 0);
    }
}

TEST_CASE("store: has_data is false on a new store and true after a feed is applied") {
    Store store = open_store(":memory:");
    CHECK_FALSE(store.has_data());
    const auto empty = snapshot(store);
    CHECK(empty->empty());
    CHECK(empty->meta.data_version == 0);
    CHECK(empty->feed == Feed{});
    apply(store, edge_feed(), kUrlInfo);
    CHECK(store.has_data());
}

TEST_CASE("store: apply_feed then load_snapshot round-trips the feed exactly") {
    TempDir dir;
    Store store = open_store(dir.file("podium.db"));

    SUBCASE("the demo feed") {
        const Feed& feed = demo();
        REQUIRE(feed.champions.size() >= 12);
        REQUIRE_FALSE(feed.monthly.empty());
        REQUIRE_FALSE(feed.successes.empty());
        REQUIRE_FALSE(feed.investment.empty());
        apply(store, feed, kDemoInfo);
        const auto snap = snapshot(store);
        // Field by field, so a failure says where the round trip lost something. The order of the
        // monthly rows has its own test case below.
        CHECK(snap->feed.organisation == feed.organisation);
        CHECK(snap->feed.generated_at == feed.generated_at);
        CHECK(snap->feed.champions == feed.champions);
        CHECK(normalized(snap->feed).monthly == normalized(feed).monthly);
        CHECK(snap->feed.successes == feed.successes);
        CHECK(snap->feed.investment == feed.investment);
        CHECK(count(store.raw(), "champions") == static_cast<std::int64_t>(feed.champions.size()));
        CHECK(count(store.raw(), "monthly") == static_cast<std::int64_t>(feed.monthly.size()));
    }

    SUBCASE("a small hand-made feed with edge values") {
        const Feed feed = edge_feed();
        apply(store, feed, kUrlInfo);
        const auto snap = snapshot(store);
        CHECK(snap->feed == feed);
        CHECK(snap->feed.champions == feed.champions);
        CHECK(snap->feed.monthly == feed.monthly);
        CHECK(snap->feed.successes == feed.successes);
        CHECK(snap->feed.investment == feed.investment);
        CHECK_FALSE(snap->feed.organisation.headcount.has_value());
        CHECK(query_text(store.raw(), "SELECT typeof(headcount) FROM organisation") == "null");
        CHECK(query_int(store.raw(),
                        "SELECT deal_value_cents FROM monthly WHERE champion = 'c1'") == 1850007);
        CHECK(snap->feed.champions[2].name == "李小龙");
        CHECK(snap->feed.organisation.name == "Zoë & Søn — Ünïcode B.V.");
    }

    SUBCASE("a headcount of zero is kept apart from an absent one") {
        Feed feed = edge_feed();
        feed.organisation.headcount = 0;
        apply(store, feed, kUrlInfo);
        const auto snap = snapshot(store);
        REQUIRE(snap->feed.organisation.headcount.has_value());
        CHECK(*snap->feed.organisation.headcount == 0);
        CHECK(snap->feed == feed);
    }

    SUBCASE("a feed without champions") {
        Feed feed;
        feed.generated_at = "2026-11-25T09:15:00Z";
        feed.organisation.name = "Nobody Yet";
        apply(store, feed, kUrlInfo);
        CHECK(store.has_data()); // applied, even though there is nothing to show
        const auto snap = snapshot(store);
        CHECK(snap->empty());
        CHECK(snap->feed == feed);
    }
    check_integrity(store.raw());
}

TEST_CASE("store: load_snapshot keeps the feed's order of rows") {
    // The snapshot should be the feed that was applied, as operator== sees it, not merely the same
    // rows: the demo feed lists monthly figures champion by champion, then by month.
    Store store = open_store(":memory:");

    SUBCASE("the demo feed round-trips exactly") {
        apply(store, demo(), kDemoInfo);
        CHECK(snapshot(store)->feed == demo());
    }
    SUBCASE("a small feed listing monthly rows champion by champion") {
        Feed feed = edge_feed();
        feed.monthly = {monthly_row("c7", {2026, 9}, 1, 0), monthly_row("c7", {2026, 10}, 2, 0),
                        monthly_row("c0", {2026, 9}, 3, 0), monthly_row("c0", {2026, 10}, 4, 0)};
        apply(store, feed, kUrlInfo);
        const auto snap = snapshot(store);
        REQUIRE(normalized(snap->feed) ==
                normalized(feed)); // same content; only the order may differ
        CHECK(snap->feed.monthly == feed.monthly);
    }
}

TEST_CASE("store: meta records every apply") {
    Store store = open_store(":memory:");
    apply(store, demo(), kDemoInfo);
    auto snap = snapshot(store);
    CHECK(snap->meta.data_version == 1);
    CHECK(snap->meta.source == "demo");
    CHECK(snap->meta.is_demo);
    CHECK(snap->meta.applied_at == "2026-11-01T07:00:00Z");

    apply(store, edge_feed(), kUrlInfo);
    snap = snapshot(store);
    CHECK(snap->meta.data_version == 2);
    CHECK(snap->meta.source == "https://intranet.example/podium/feed.json");
    CHECK_FALSE(snap->meta.is_demo);
    CHECK(snap->meta.applied_at == "2026-11-02T06:30:00Z");

    // The same feed again still counts as a new version: the display reloads on every change.
    apply(store, edge_feed(), {"/srv/podium/feed.json", false, "2026-11-03T06:30:00Z"});
    snap = snapshot(store);
    CHECK(snap->meta.data_version == 3);
    CHECK(snap->meta.source == "/srv/podium/feed.json");
    CHECK(snap->meta.applied_at == "2026-11-03T06:30:00Z");
    CHECK(count(store.raw(), "feed_meta") == 1);
    check_integrity(store.raw());
}

TEST_CASE("store: a second apply replaces everything") {
    TempDir dir;
    Store store = open_store(dir.file("podium.db"));
    apply(store, demo(), kDemoInfo);

    // Keep the first five champions; pick a removed one that has monthly rows and successes.
    std::set<std::string> keep;
    for (std::size_t i = 0; i < 5; ++i)
        keep.insert(demo().champions[i].id);
    std::string removed;
    for (const auto& s : demo().successes)
        if (!keep.contains(s.champion)) {
            removed = s.champion;
            break;
        }
    REQUIRE_FALSE(removed.empty());
    REQUIRE(count(store.raw(), "monthly WHERE champion = " + sql_literal(removed)) > 0);
    REQUIRE(count(store.raw(), "successes WHERE champion = " + sql_literal(removed)) > 0);

    const Feed reduced = reduced_demo(keep);
    REQUIRE(reduced.champions.size() == 5);
    REQUIRE(reduced.monthly.size() < demo().monthly.size());
    REQUIRE(reduced.successes.size() < demo().successes.size());
    apply(store, reduced, kUrlInfo);

    const auto snap = snapshot(store);
    CHECK(normalized(snap->feed) == normalized(reduced));
    CHECK(snap->meta.data_version == 2);
    CHECK_FALSE(snap->meta.is_demo);
    sqlite3* db = store.raw();
    CHECK(count(db, "champions") == 5);
    CHECK(count(db, "champions WHERE id = " + sql_literal(removed)) == 0);
    CHECK(count(db, "monthly") == static_cast<std::int64_t>(reduced.monthly.size()));
    CHECK(count(db, "monthly WHERE champion = " + sql_literal(removed)) == 0);
    CHECK(count(db, "monthly WHERE champion NOT IN (SELECT id FROM champions)") == 0);
    CHECK(count(db, "successes") == static_cast<std::int64_t>(reduced.successes.size()));
    CHECK(count(db, "successes WHERE champion = " + sql_literal(removed)) == 0);
    CHECK(count(db, "successes WHERE champion NOT IN (SELECT id FROM champions)") == 0);
    CHECK(count(db, "investment") == 2);
    CHECK(count(db, "organisation") == 1);
    CHECK(query_text(db, "SELECT name FROM organisation") == "Renamed Organisation");
    CHECK(query_int(db, "SELECT headcount FROM organisation") == 17);
    check_integrity(db);
}

TEST_CASE("store: an apply that fails midway keeps the previous data exactly") {
    TempDir dir;
    Store store = open_store(dir.file("podium.db"));
    const Feed old = edge_feed();
    apply(store, old, kUrlInfo);
    const auto before = snapshot(store);
    REQUIRE(before->feed == old);

    // The store does not validate (the caller does); these feeds break a constraint
    // mid-transaction, after the old rows are deleted and some new ones inserted.
    Feed bad = demo();
    std::string broken;
    SUBCASE("two champions share an id (primary key)") {
        bad.champions.push_back(bad.champions.front());
        broken = "duplicate champion";
    }
    SUBCASE("a monthly row for a champion not in the feed (foreign key)") {
        bad.monthly.push_back(monthly_row("nobody", {2026, 10}, 1, 0));
        broken = "monthly foreign key";
    }
    SUBCASE("a success for a champion not in the feed (foreign key)") {
        bad.successes.push_back({"nobody", {2026, 10, 1}, "deal", "Ghost deal", "", 1.0});
        broken = "success foreign key";
    }
    SUBCASE("the same champion and month twice (monthly primary key)") {
        bad.monthly.push_back(bad.monthly.back());
        broken = "duplicate monthly row";
    }
    SUBCASE("the same investment month twice (the last insert of the feed)") {
        bad.investment.push_back(bad.investment.back());
        broken = "duplicate investment month";
    }
    CAPTURE(broken);

    const auto st =
        store.apply_feed(bad, {"https://bad.example/feed.json", false, "2026-11-05T00:00:00Z"});
    REQUIRE_FALSE(st.ok());
    CAPTURE(st.error().message);
    CHECK(st.error().message.find("previous data is kept") != std::string::npos);
    CHECK(sqlite3_get_autocommit(store.raw()) != 0); // rolled back: no transaction left open

    const auto after = snapshot(store);
    CHECK(after->feed == old);
    CHECK(after->meta.data_version == before->meta.data_version);
    CHECK(after->meta.source == before->meta.source);
    CHECK(after->meta.applied_at == before->meta.applied_at);
    CHECK(after->meta.is_demo == before->meta.is_demo);
    CHECK(count(store.raw(), "champions") == static_cast<std::int64_t>(old.champions.size()));
    CHECK(count(store.raw(), "monthly") == static_cast<std::int64_t>(old.monthly.size()));
    check_integrity(store.raw());

    // The connection stays usable: the next good feed applies normally.
    apply(store, demo(), kDemoInfo);
    CHECK(normalized(snapshot(store)->feed) == normalized(demo()));
    CHECK(snapshot(store)->meta.data_version == before->meta.data_version + 1);
    check_integrity(store.raw());
}

TEST_CASE("store: a failed first apply leaves the store empty") {
    Store store = open_store(":memory:");
    Feed bad = edge_feed();
    bad.champions.push_back(bad.champions.back());
    const auto st = store.apply_feed(bad, kUrlInfo);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message.find("previous data is kept") != std::string::npos);
    CHECK_FALSE(store.has_data());
    CHECK(count(store.raw(), "champions") == 0);
    CHECK(count(store.raw(), "organisation") == 0);
    CHECK(snapshot(store)->feed == Feed{});
}

TEST_CASE("store: a snapshot read during another connection's open write sees the last commit") {
    TempDir dir;
    const std::string path = dir.file("podium.db");
    Store store = open_store(path);
    apply(store, demo(), kDemoInfo);

    Db writer = connect(path);
    exec(writer.get(), "BEGIN IMMEDIATE");
    exec(writer.get(), "DELETE FROM monthly; DELETE FROM successes; DELETE FROM champions; "
                       "UPDATE feed_meta SET data_version = 999, source = 'half-written'");
    REQUIRE(count(writer.get(), "champions") == 0); // the writer sees its own, uncommitted change

    const auto during = snapshot(store); // WAL: does not wait for the writer, sees the last commit
    CHECK(normalized(during->feed) == normalized(demo()));
    CHECK(during->meta.data_version == 1);
    CHECK(during->meta.source == "demo");
    CHECK(store.has_data());

    SUBCASE("once the writer commits, the next snapshot sees its change") {
        exec(writer.get(), "COMMIT");
        const auto committed = snapshot(store);
        CHECK(committed->empty());
        CHECK(committed->meta.data_version == 999);
        CHECK(committed->meta.source == "half-written");
    }
    SUBCASE("if the writer rolls back, nothing changes") {
        exec(writer.get(), "ROLLBACK");
        const auto rolled_back = snapshot(store);
        CHECK(normalized(rolled_back->feed) == normalized(demo()));
        CHECK(rolled_back->meta.data_version == 1);
    }
    check_integrity(store.raw());
}

TEST_CASE("store: settings") {
    TempDir dir;
    const std::string path = dir.file("podium.db");
    {
        Store store = open_store(path);
        CHECK_FALSE(store.setting("schedule.slide_seconds").has_value());

        REQUIRE(store.set_setting("schedule.slide_seconds", "20", "2026-11-01T07:00:00Z").ok());
        CHECK(store.setting("schedule.slide_seconds") == "20");
        CHECK_FALSE(store.setting("schedule.slide_second").has_value()); // exact keys only

        REQUIRE(store.set_setting("schedule.slide_seconds", "30", "2026-11-02T07:00:00Z").ok());
        CHECK(store.setting("schedule.slide_seconds") == "30");
        CHECK(count(store.raw(), "settings WHERE key = 'schedule.slide_seconds'") == 1);
        CHECK(query_text(store.raw(),
                         "SELECT updated_at FROM settings WHERE key = 'schedule.slide_seconds'") ==
              "2026-11-02T07:00:00Z");

        REQUIRE(store.set_setting("privacy.note", "", "2026-11-02T07:00:00Z").ok());
        CHECK(store.setting("privacy.note") == ""); // an empty value is a value, not "unset"
        REQUIRE(store.set_setting("welcome", "Wélkom — 歓迎", "2026-11-02T07:00:00Z").ok());
        CHECK(store.setting("welcome") == "Wélkom — 歓迎");

        // Applying feeds leaves settings alone.
        apply(store, demo(), kDemoInfo);
        apply(store, edge_feed(), kUrlInfo);
        CHECK(store.setting("schedule.slide_seconds") == "30");
        CHECK(count(store.raw(), "settings") == 3);
        check_integrity(store.raw());
    }
    Store reopened = open_store(path);
    CHECK(reopened.setting("schedule.slide_seconds") == "30");
    CHECK(reopened.setting("welcome") == "Wélkom — 歓迎");
}

TEST_CASE("store: logs") {
    SUBCASE("recent_logs returns the newest first, up to the limit") {
        Store store = open_store(":memory:");
        CHECK(store.recent_logs(10).empty());
        store.log({"2026-11-01T07:00:00Z", "info", "sync", "first"});
        store.log({"2026-11-01T07:01:00Z", "warning", "display", "second: missing photo ☹"});
        store.log({"2026-11-01T07:02:00Z", "error", "admin", "third"});

        const auto all = store.recent_logs(10);
        REQUIRE(all.size() == 3);
        CHECK(all[0].message == "third");
        CHECK(all[0].level == "error");
        CHECK(all[0].category == "admin");
        CHECK(all[0].at == "2026-11-01T07:02:00Z");
        CHECK(all[1].message == "second: missing photo ☹");
        CHECK(all[1].level == "warning");
        CHECK(all[1].category == "display");
        CHECK(all[2].message == "first");
        CHECK(all[2].at == "2026-11-01T07:00:00Z");

        const auto two = store.recent_logs(2);
        REQUIRE(two.size() == 2);
        CHECK(two[0].message == "third");
        CHECK(two[1].message == "second: missing photo ☹");
        CHECK(store.recent_logs(0).empty());
    }

    SUBCASE("the log is a ring of at most 5000 rows") {
        TempDir dir;
        Store store = open_store(dir.file("podium.db"));
        // One transaction around the 5010 lines, or each would wait for its own fsync.
        exec(store.raw(), "BEGIN");
        for (int i = 0; i < 5010; ++i)
            store.log({"2026-11-01T07:00:00Z", "info", "sync", "line " + std::to_string(i)});
        exec(store.raw(), "COMMIT");

        CHECK(count(store.raw(), "logs") == 5000);
        const auto recent = store.recent_logs(6000);
        REQUIRE(recent.size() == 5000);
        CHECK(recent.front().message == "line 5009");
        CHECK(recent.back().message == "line 10"); // the ten oldest lines were dropped
        CHECK(count(store.raw(), "logs WHERE message = 'line 9'") == 0);

        store.log({"2026-11-01T08:00:00Z", "info", "sync", "one more"});
        CHECK(count(store.raw(), "logs") == 5000);
        CHECK(store.recent_logs(1).front().message == "one more");
        CHECK(store.recent_logs(5000).back().message == "line 11");
        check_integrity(store.raw());
    }
}

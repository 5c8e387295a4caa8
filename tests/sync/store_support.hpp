// Shared by the store tests: temporary folders, a second raw SQLite connection for SQL checks,
// and the feeds the tests apply (the demo, and a small one with the edge values).
#pragma once

#include "../support/temp_dir.hpp"

#include "sync/demo_feed.hpp"
#include "sync/model/c_handle.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <system_error>
#include <tuple>
#include <utility>

#include <unistd.h>

namespace podium::test::store_support {

using podium::model::Feed;
using podium::model::YearMonth;
using podium::sync::ApplyInfo;
using podium::sync::Store;

// A fresh folder under the system temp dir, removed (with everything in it) on destruction.
using TempDir = podium::test::TempDir;

using Db = podium::CHandle<sqlite3, sqlite3_close_v2>;

// A second, independent connection, as another process (or the sync thread) would hold.
inline Db connect(const std::string& path) {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Db db(raw);
    REQUIRE_MESSAGE(rc == SQLITE_OK, "cannot open " << path);
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

inline void exec(sqlite3* db, const std::string& sql) {
    char* msg = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
    const std::string text = msg ? msg : "";
    sqlite3_free(msg);
    REQUIRE_MESSAGE(rc == SQLITE_OK, sql << ": " << text);
}

// The first column of the first row as text ("" when there is no row).
inline std::string query_text(sqlite3* db, const std::string& sql) {
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

inline std::int64_t query_int(sqlite3* db, const std::string& sql) {
    return std::stoll(query_text(db, sql));
}

inline std::int64_t count(sqlite3* db, const std::string& table_and_where) {
    return query_int(db, "SELECT COUNT(*) FROM " + table_and_where);
}

inline std::string sql_literal(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

inline void check_integrity(sqlite3* db) {
    CHECK(query_text(db, "PRAGMA integrity_check") == "ok");
    CHECK(query_text(db, "PRAGMA foreign_key_check") == ""); // no rows: no dangling references
}

inline Store open_store(const std::string& path) {
    auto store = Store::open(path);
    REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
    return std::move(store).value();
}

inline podium::model::SnapshotPtr snapshot(const Store& store) {
    auto snap = store.load_snapshot();
    REQUIRE_MESSAGE(snap.ok(), (snap.ok() ? "" : snap.error().message));
    REQUIRE(snap.value() != nullptr);
    return snap.value();
}

inline void apply(Store& store, const Feed& feed, const ApplyInfo& info) {
    const auto st = store.apply_feed(feed, info);
    REQUIRE_MESSAGE(st.ok(), (st.ok() ? "" : st.error().message));
}

inline const Feed& demo() {
    static const Feed feed = podium::sync::generate_demo_feed();
    return feed;
}

// The feed with monthly rows sorted by (champion, month) and investment by month: the content, for
// checks that are about something else than the order the store returns rows in (see the test
// "store: load_snapshot keeps the feed's order of rows" for that).
inline Feed normalized(Feed f) {
    std::sort(f.monthly.begin(), f.monthly.end(), [](const auto& a, const auto& b) {
        return std::tie(a.champion, a.month) < std::tie(b.champion, b.month);
    });
    std::sort(f.investment.begin(), f.investment.end(),
              [](const auto& a, const auto& b) { return a.month < b.month; });
    return f;
}

inline const ApplyInfo kDemoInfo{"demo", true, "2026-11-01T07:00:00Z", "", ""};
inline const ApplyInfo kUrlInfo{"https://intranet.example/podium/feed.json", false,
                                "2026-11-02T06:30:00Z", "", ""};

inline podium::model::MonthlyFigures monthly_row(std::string id, YearMonth month, std::int64_t base,
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
inline Feed edge_feed() {
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

} // namespace podium::test::store_support

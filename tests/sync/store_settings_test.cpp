// The local store: settings and the log ring. Each test uses its own temporary folder (removed at
// the end) or ":memory:"; SQL checks go through the raw connection.
#include "store_support.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace podium::test::store_support;
using podium::model::Feed;
using podium::sync::LogEntry;
using podium::sync::Store;

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

// Upgrades (issue #7): a store from an older Podium is copied before it is migrated, all steps in
// one transaction. The data, the settings and the admin PIN survive; a migration that fails leaves
// the old store exactly as it was and says so, naming the copy; without a copy nothing is changed.
#include "fault_support.hpp"

#include "../app/cli_support.hpp"
#include "../sync/store_support.hpp"

#include "sync/store.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace podium;
using namespace podium::test::store_support;
namespace fs = std::filesystem;
using podium::test::fault::slurp;

namespace {

const std::vector<std::pair<std::string, std::string>> kSettings = {
    {"display.language", "nl"},
    {"sync.source", "https://intranet.example/podium/feed.json"},
    {"admin.pin", "pbkdf2-sha256$600000$c2FsdA==$aGFzaA=="}, // kept as text, whatever it holds
};

std::string backup_path(const std::string& db) {
    return db + ".pre-v" + std::to_string(Store::latest_schema_version()) + ".bak";
}

std::string one_line(const std::string& s) {
    return s.find('\n') == std::string::npos ? "one line" : "several lines";
}

} // namespace

TEST_CASE("upgrade: an older store is copied, then migrated; data, settings and PIN are kept") {
    REQUIRE(Store::latest_schema_version() >= 2);
    TempDir dir;
    const std::string db = dir.file("podium.db");
    const auto feed = test::fault::sized_feed(30, "Alpha");
    test::fault::make_v1_store(db, feed, kSettings);
    const std::string v1_bytes = slurp(db);

    {
        Store store = open_store(db);
        CHECK(store.schema_version() == Store::latest_schema_version());
        // Known by its tables (it predates the application id), and given the id now.
        CHECK(query_int(store.raw(), "PRAGMA application_id") == 0x504F444D);
        const auto snap = snapshot(store);
        CHECK(snap->feed == feed);
        CHECK(snap->meta.data_version == 1);
        CHECK(snap->meta.source == "feed.json");
        for (const auto& [k, v] : kSettings) CHECK(store.setting(k) == v);
        check_integrity(store.raw());
    }
    // The copy is the old store as it was: version 1, same data.
    REQUIRE(fs::exists(backup_path(db)));
    CHECK_FALSE(fs::exists(backup_path(db) + ".tmp"));
    Db copy = connect(backup_path(db));
    CHECK(query_int(copy.get(), "PRAGMA user_version") == 1);
    CHECK(count(copy.get(), "champions") == 30);
    CHECK(query_text(copy.get(), "SELECT value FROM settings WHERE key = 'admin.pin'") == kSettings[2].second);
    check_integrity(copy.get());
    CHECK(v1_bytes.size() > 0);

    // Opening again is a no-op: no second copy, nothing rewritten.
    fs::remove(backup_path(db));
    Store again = open_store(db);
    CHECK_FALSE(fs::exists(backup_path(db)));
}

TEST_CASE("upgrade: a failing migration leaves the old store untouched and says where the copy is") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    const auto feed = test::fault::sized_feed(30, "Alpha");
    test::fault::make_v1_store(db, feed, kSettings);
    // Migration 2 creates sync_attempts; a table of that name already there makes it fail.
    exec(connect(db).get(), "CREATE TABLE sync_attempts (note TEXT); INSERT INTO sync_attempts VALUES ('mine')");
    const std::string before = slurp(db);

    for (int attempt = 0; attempt < 2; ++attempt) { // a restart meets the same store and the same answer
        CAPTURE(attempt);
        auto store = Store::open(db);
        REQUIRE_FALSE(store.ok());
        const std::string& msg = store.error().message;
        CAPTURE(msg);
        CHECK(msg.find("upgrading the schema from version 1 to " + std::to_string(Store::latest_schema_version()) +
                       " failed") != std::string::npos);
        CHECK(msg.find("step 2") != std::string::npos);
        CHECK(msg.find("sync_attempts already exists") != std::string::npos);
        CHECK(msg.find("the store is unchanged (still version 1)") != std::string::npos);
        CHECK(msg.find("a copy from before the upgrade is at " + backup_path(db)) != std::string::npos);
        CHECK(one_line(msg) == "one line");
        CHECK(slurp(db) == before); // byte for byte
        const bool journal_left = fs::exists(db + "-wal") && fs::file_size(db + "-wal") > 0;
        CHECK_FALSE(journal_left);
    }
    {
        Db old = connect(db);
        CHECK(query_int(old.get(), "PRAGMA user_version") == 1);
        CHECK(query_text(old.get(), "SELECT note FROM sync_attempts") == "mine");
        CHECK(count(old.get(), "champions") == 30);
        CHECK(query_text(old.get(), "SELECT value FROM settings WHERE key = 'admin.pin'") == kSettings[2].second);
        check_integrity(old.get());
    }
    Db copy = connect(backup_path(db));
    CHECK(query_int(copy.get(), "PRAGMA user_version") == 1);
    CHECK(count(copy.get(), "champions") == 30);

    // Through the binary: a start-up failure in one line, exit 1, nothing moved aside or rebuilt.
    test::cli_support::TempDir run_dir;
    const auto run = test::cli_support::run_podium(
        run_dir, {"--db", db, "render", "--slide", "leaderboard", "--size", "1920x1080", "--format", "text"});
    CHECK(run.exit_code == 1);
    CHECK(test::cli_support::lines_of(run.err).size() == 1);
    CHECK(run.err.find("the store is unchanged") != std::string::npos);
    CHECK(run.err.find(backup_path(db)) != std::string::npos);
    CHECK(slurp(db) == before);

    // Once the conflict is resolved by hand, the upgrade goes through.
    exec(connect(db).get(), "DROP TABLE sync_attempts");
    Store store = open_store(db);
    CHECK(store.schema_version() == Store::latest_schema_version());
    CHECK(snapshot(store)->feed == feed);
}

TEST_CASE("upgrade: when the copy cannot be made, the store is not migrated") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    test::fault::make_v1_store(db, test::fault::sized_feed(5, "Alpha"), kSettings);
    const std::string before = slurp(db);
    // A folder where the copy's temporary file would go: the copy fails, as root too.
    fs::create_directories(backup_path(db) + ".tmp/in-the-way");
    auto store = Store::open(db);
    REQUIRE_FALSE(store.ok());
    CAPTURE(store.error().message);
    CHECK(store.error().message.find("cannot copy the store to " + backup_path(db) +
                                     " before upgrading it, so it was not upgraded") != std::string::npos);
    CHECK(slurp(db) == before);
    CHECK_FALSE(fs::exists(backup_path(db)));
    Db old = connect(db);
    CHECK(query_int(old.get(), "PRAGMA user_version") == 1);
}

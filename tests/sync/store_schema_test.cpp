// The local store: a fresh file's schema, and the migrations from every older version. Each test
// uses its own temporary folder (removed at the end); SQL checks go through the raw connection.
#include "store_support.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using namespace podium::test::store_support;
using podium::model::Feed;
using podium::sync::Store;

namespace {
std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
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

    // Issue 16: another program's database is refused and left as it is, where it used to get
    // Podium's tables added.
    SUBCASE("a version-0 database with unrelated content is refused and left byte for byte") {
        {
            Db db = connect(path);
            exec(db.get(),
                 "CREATE TABLE unrelated (x TEXT); INSERT INTO unrelated VALUES ('kept')");
            REQUIRE(query_int(db.get(), "PRAGMA user_version") == 0);
        }
        const std::string before = slurp(path);
        auto store = Store::open(path);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().message == "the file " + path + " is not a Podium store (a SQLite database of another "
                                       "program (it has tables, but not Podium's)); it was left as it is: give --db "
                                       "the path of a Podium store, or of a file that does not exist yet");
        CHECK(slurp(path) == before);
        CHECK_FALSE(fs::exists(path + "-wal"));
    }
    SUBCASE("a database with another program's application id is refused") {
        exec(connect(path).get(), "PRAGMA application_id = 1234");
        const std::string before = slurp(path);
        auto store = Store::open(path);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().message.find("application id 0x000004D2") != std::string::npos);
        CHECK(slurp(path) == before);
    }
    SUBCASE("a new store carries Podium's application id") {
        Store store = open_store(path);
        CHECK(query_int(store.raw(), "PRAGMA application_id") == 0x504F444D);
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

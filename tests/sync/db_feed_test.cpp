// Reading a feed from a shared database: SQLite files made here, and the real PostgreSQL server
// the test run starts (tests/support/postgres_server.hpp).
#include "sync/db_feed.hpp"

#include "../support/postgres_server.hpp"
#include "sync/feed_json.hpp"
#include "sync/sqlite.hpp"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>

namespace podium {
namespace {

namespace fs = std::filesystem;
using test::PostgresServer;
using Clock = std::chrono::steady_clock;

// The spec's example, plus a second champion with every optional field left out, a second month,
// and rows inserted out of order. SQL that SQLite and PostgreSQL both take.
const char* const kExampleSql = R"sql(
CREATE TABLE organisation (name TEXT, headcount INTEGER, currency TEXT,
                           champion_goal_percent DOUBLE PRECISION, generated_at TEXT);
INSERT INTO organisation VALUES ('Example Advisory', 1200, 'EUR', 10, '2026-11-01T08:00:00+01:00');
CREATE TABLE champions (id TEXT, name TEXT NOT NULL, team TEXT, photo TEXT,
                        consent_internal BOOLEAN, consent_public BOOLEAN, consent_photo BOOLEAN);
INSERT INTO champions VALUES ('c-023', 'Ömer Yılmaz', NULL, NULL, NULL, NULL, NULL),
    ('c-017', 'Sanne de Vries', 'Tax', 'photos/c-017.jpg', TRUE, FALSE, TRUE);
CREATE TABLE monthly (champion TEXT, month TEXT, followers INTEGER, updates INTEGER,
    interactions INTEGER, reach INTEGER, clicks INTEGER, profile_views INTEGER, leads INTEGER,
    proposals INTEGER, deals INTEGER, deal_value NUMERIC(14, 2), applicants INTEGER, hires INTEGER);
INSERT INTO monthly VALUES
    ('c-023', '2026-10', NULL, NULL, 12, NULL, NULL, NULL, NULL, NULL, 1, 18500.07, NULL, NULL),
    ('c-017', '2026-10', 812, 14, 233, 15400, 97, 412, 3, 2, 1, 18500.00, 0, 0),
    ('c-017', '2026-09', 790, 11, 180, 12000, 80, 350, 2, 1, 0, 0, 0, 0);
CREATE TABLE successes (champion TEXT, date TEXT, kind TEXT, title TEXT, story TEXT,
                        value DOUBLE PRECISION);
INSERT INTO successes VALUES ('c-017', '2026-10-14', 'speaking',
    'Invited to speak at a tax congress after a LinkedIn post', 'Optional longer text.', 0);
CREATE TABLE investment (month TEXT, hours DOUBLE PRECISION, cost DOUBLE PRECISION);
INSERT INTO investment VALUES ('2026-10', 160, 12000), ('2026-09', 120.5, 9000);
)sql";

const char* const kExampleJson = R"json({
  "format": "podium-feed", "version": 1, "generated_at": "2026-11-01T08:00:00+01:00",
  "organisation": { "name": "Example Advisory", "headcount": 1200, "currency": "EUR",
                    "champion_goal_percent": 10 },
  "champions": [
    { "id": "c-017", "name": "Sanne de Vries", "team": "Tax", "photo": "photos/c-017.jpg",
      "consent": { "internal": true, "public": false, "photo": true } },
    { "id": "c-023", "name": "Ömer Yılmaz" }
  ],
  "monthly": [
    { "champion": "c-017", "month": "2026-09", "followers": 790, "updates": 11,
      "interactions": 180, "reach": 12000, "clicks": 80, "profile_views": 350, "leads": 2,
      "proposals": 1, "deals": 0, "deal_value": 0, "applicants": 0, "hires": 0 },
    { "champion": "c-017", "month": "2026-10", "followers": 812, "updates": 14,
      "interactions": 233, "reach": 15400, "clicks": 97, "profile_views": 412, "leads": 3,
      "proposals": 2, "deals": 1, "deal_value": 18500.00, "applicants": 0, "hires": 0 },
    { "champion": "c-023", "month": "2026-10", "interactions": 12, "deals": 1,
      "deal_value": 18500.07 }
  ],
  "successes": [
    { "champion": "c-017", "date": "2026-10-14", "kind": "speaking",
      "title": "Invited to speak at a tax congress after a LinkedIn post",
      "story": "Optional longer text.", "value": 0 }
  ],
  "investment": [ { "month": "2026-09", "hours": 120.5, "cost": 9000 },
                  { "month": "2026-10", "hours": 160, "cost": 12000 } ]
})json";

const char* const kMinimalSql = R"sql(
CREATE TABLE organisation (name TEXT, generated_at TEXT);
INSERT INTO organisation VALUES ('Example Advisory', '2026-11-01T08:00:00Z');
CREATE TABLE champions (id TEXT, name TEXT);
INSERT INTO champions VALUES ('c-1', 'Ann');
CREATE TABLE monthly (champion TEXT, month TEXT);
INSERT INTO monthly VALUES ('c-1', '2026-10');
)sql";

model::Feed example_feed() {
    auto feed = sync::parse_feed_json(kExampleJson);
    REQUIRE(feed.ok());
    return feed.value();
}

// ---- the two kinds of database, made fresh for each read ----

enum class Db { sqlite, postgres };
std::string name_of(Db db) {
    return db == Db::sqlite ? "SQLite" : "PostgreSQL";
}

// One folder for the process's SQLite files, removed at exit.
struct TempFolder {
    fs::path path;
    TempFolder() {
        std::string pattern = (fs::temp_directory_path() / "podium-db-test-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path = pattern;
    }
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

fs::path temp_folder() {
    static const TempFolder folder;
    return folder.path;
}

std::string unique_name(const std::string& stem) {
    static std::atomic<int> counter{0};
    return stem + "_" + std::to_string(++counter);
}

fs::path make_sqlite(const std::string& stem, const std::string& sql) {
    const fs::path path = temp_folder() / (unique_name(stem) + ".db");
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    const sync::DbHandle db(raw);
    REQUIRE(rc == SQLITE_OK);
    sync::exec(db.get(), sql.c_str());
    return path;
}

// A schema of its own, owned by podium, made by sql; returns its name.
std::string make_schema(const std::string& stem, const std::string& sql) {
    const std::string schema = unique_name(stem);
    PostgresServer::shared().exec(
        "CREATE SCHEMA " + schema +
        " AUTHORIZATION podium; SET ROLE podium; SET search_path = " + schema + "; " + sql);
    return schema;
}

// Reads from the schema through search_path, as a deployment would pick its schema.
std::string conninfo_for(const std::string& schema) {
    return PostgresServer::shared().conninfo() + " options='-csearch_path=" + schema + "'";
}

std::string make_postgres(const std::string& stem, const std::string& sql) {
    return conninfo_for(make_schema(stem, sql));
}

Result<model::Feed> read_db(Db db, const std::string& stem, const std::string& sql) {
    if (db == Db::sqlite) return sync::read_sqlite_feed(make_sqlite(stem, sql).string());
    return sync::read_postgres_feed(make_postgres(stem, sql));
}

// For REQUIRE_MESSAGE: why a read that should work did not.
std::string message_of(const Result<model::Feed>& feed) {
    return feed.ok() ? std::string() : feed.error().message;
}

std::string error_of(const Result<model::Feed>& feed) {
    REQUIRE_FALSE(feed.ok());
    return feed.error().message;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

constexpr Db kBoth[] = {Db::sqlite, Db::postgres};

} // namespace

TEST_CASE("db: the spec's example as tables reads as the same feed as its JSON") {
    for (const Db db : kBoth) {
        CAPTURE(name_of(db));
        const auto feed = read_db(db, "example", kExampleSql);
        REQUIRE_MESSAGE(feed.ok(), message_of(feed));
        CHECK(feed.value() == example_feed());
        CHECK(feed.value().monthly[2].deal_value_cents == 1850007);
    }
}

TEST_CASE("db: views instead of tables, column names in any case, extra columns ignored") {
    const std::string sql = std::string(kExampleSql) + R"sql(
ALTER TABLE organisation RENAME TO org_data;
ALTER TABLE champions RENAME TO people;
ALTER TABLE monthly RENAME TO figures;
CREATE VIEW organisation AS SELECT name AS "Name", headcount, currency, champion_goal_percent,
    generated_at AS "GENERATED_AT", 'internal' AS note FROM org_data;
CREATE VIEW champions AS SELECT id, name, team, photo, consent_internal, consent_public,
    consent_photo, 'secret' AS salary FROM people;
CREATE VIEW monthly AS SELECT * FROM figures;
)sql";
    for (const Db db : kBoth) {
        CAPTURE(name_of(db));
        const auto feed = read_db(db, "views", sql);
        REQUIRE_MESSAGE(feed.ok(), message_of(feed));
        CHECK(feed.value() == example_feed());
    }
}

TEST_CASE("db: optional columns absent or NULL take the format's defaults") {
    const std::string with_nulls = R"sql(
CREATE TABLE organisation (name TEXT, headcount INTEGER, currency TEXT,
                           champion_goal_percent DOUBLE PRECISION, generated_at TEXT);
INSERT INTO organisation VALUES ('Example Advisory', NULL, NULL, NULL, '2026-11-01T08:00:00Z');
CREATE TABLE champions (id TEXT, name TEXT, team TEXT, photo TEXT, consent_internal TEXT,
                        consent_public TEXT, consent_photo TEXT);
INSERT INTO champions VALUES ('c-1', 'Ann', NULL, NULL, NULL, NULL, NULL);
CREATE TABLE monthly (champion TEXT, month TEXT, followers INTEGER, deal_value NUMERIC(14, 2),
                      hires INTEGER);
INSERT INTO monthly VALUES ('c-1', '2026-10', NULL, NULL, NULL);
CREATE TABLE successes (champion TEXT, date TEXT, kind TEXT, title TEXT, story TEXT, value REAL);
INSERT INTO successes VALUES ('c-1', '2026-10-02', 'lead', 'A lead', NULL, NULL);
CREATE TABLE investment (month TEXT, hours REAL, cost REAL);
INSERT INTO investment VALUES ('2026-10', NULL, NULL);
)sql";
    auto expected = sync::parse_feed_json(R"json({"format": "podium-feed", "version": 1,
        "generated_at": "2026-11-01T08:00:00Z", "organisation": {"name": "Example Advisory"},
        "champions": [{"id": "c-1", "name": "Ann"}],
        "monthly": [{"champion": "c-1", "month": "2026-10"}],
        "successes": [{"champion": "c-1", "date": "2026-10-02", "kind": "lead", "title": "A lead"}],
        "investment": [{"month": "2026-10"}]})json");
    REQUIRE(expected.ok());
    for (const Db db : kBoth) {
        CAPTURE(name_of(db));
        const auto feed = read_db(db, "nulls", with_nulls);
        REQUIRE_MESSAGE(feed.ok(), message_of(feed));
        CHECK(feed.value() == expected.value());
        const model::Feed& f = feed.value();
        CHECK(f.organisation.currency == "EUR");
        CHECK(f.organisation.champion_goal_percent == 10.0);
        CHECK_FALSE(f.organisation.headcount.has_value());
        CHECK(f.champions[0].consent == model::Consent{true, false, false});

        const auto minimal = read_db(db, "minimal", kMinimalSql);
        REQUIRE_MESSAGE(minimal.ok(), message_of(minimal));
        CHECK(minimal.value().organisation == expected.value().organisation);
        CHECK(minimal.value().champions == expected.value().champions);
        CHECK(minimal.value().monthly == expected.value().monthly);
        // successes and investment are optional tables: absent means empty lists
        CHECK(minimal.value().successes.empty());
        CHECK(minimal.value().investment.empty());
    }
}

TEST_CASE("db: consent in every spelling") {
    const std::string text_consent = R"sql(
CREATE TABLE organisation (name TEXT, generated_at TEXT);
INSERT INTO organisation VALUES ('Org', '2026-11-01T08:00:00Z');
CREATE TABLE monthly (champion TEXT, month TEXT);
CREATE TABLE champions (id TEXT, name TEXT, consent_internal TEXT, consent_public TEXT,
                        consent_photo TEXT);
INSERT INTO champions VALUES ('a', 'A', 'yes', 'ja', 'true'), ('b', 'B', 'no', 'nee', 'false'),
    ('c', 'C', '1', 'TRUE', ' Ja '), ('d', 'D', '0', 'No', 'NEE'), ('e', 'E', 'waar', 'onwaar', '');
)sql";
    const std::string int_consent = R"sql(
CREATE TABLE organisation (name TEXT, generated_at TEXT);
INSERT INTO organisation VALUES ('Org', '2026-11-01T08:00:00Z');
CREATE TABLE monthly (champion TEXT, month TEXT);
CREATE TABLE champions (id TEXT, name TEXT, consent_internal INTEGER, consent_public INTEGER,
                        consent_photo BOOLEAN);
INSERT INTO champions VALUES ('a', 'A', 1, 1, TRUE), ('b', 'B', 0, 0, FALSE);
)sql";
    for (const Db db : kBoth) {
        CAPTURE(name_of(db));
        const auto feed = read_db(db, "consent_text", text_consent);
        REQUIRE_MESSAGE(feed.ok(), message_of(feed));
        const auto& c = feed.value().champions;
        REQUIRE(c.size() == 5);
        CHECK(c[0].consent == model::Consent{true, true, true});
        CHECK(c[1].consent == model::Consent{false, false, false});
        CHECK(c[2].consent == model::Consent{true, true, true});
        CHECK(c[3].consent == model::Consent{false, false, false});
        CHECK(c[4].consent == model::Consent{true, false, false}); // '' is "not given"

        const auto ints = read_db(db, "consent_int", int_consent);
        REQUIRE_MESSAGE(ints.ok(), message_of(ints));
        CHECK(ints.value().champions[0].consent == model::Consent{true, true, true});
        CHECK(ints.value().champions[1].consent == model::Consent{false, false, false});

        const std::string maybe = "UPDATE champions SET consent_public = 'maybe' WHERE id = 'd';";
        CHECK(ends_with(error_of(read_db(db, "consent_bad", text_consent + maybe)),
                        ": champions row 4 (id \"d\"): consent_public: expected a boolean, 1/0, "
                        "yes/no, true/false or ja/nee, got \"maybe\""));
        const std::string two = "UPDATE champions SET consent_internal = 2;";
        CHECK(ends_with(error_of(read_db(db, "consent_two", int_consent + two)),
                        ": champions row 1 (id \"a\"): consent_internal: expected a boolean, "
                        "1/0, yes/no, true/false or ja/nee, got 2"));
    }
}

TEST_CASE("db: deal_value 18500.07 is exact cents in every column type") {
    const std::string sql = R"sql(
CREATE TABLE organisation (name TEXT, generated_at TEXT);
INSERT INTO organisation VALUES ('Org', '2026-11-01T08:00:00Z');
CREATE TABLE champions (id TEXT, name TEXT);
INSERT INTO champions VALUES ('a', 'A');
CREATE TABLE amounts (champion TEXT, month TEXT, as_numeric NUMERIC(14, 2),
    as_real DOUBLE PRECISION, as_float4 REAL, as_text TEXT, as_numeric3 NUMERIC(14, 3));
INSERT INTO amounts VALUES ('a', '2026-10', 18500.07, 18500.07, 18500.07, '18500.07', 18500.070);
)sql";
    for (const Db db : kBoth) {
        CAPTURE(name_of(db));
        for (const char* column :
             {"as_numeric", "as_real", "as_float4", "as_text", "as_numeric3"}) {
            CAPTURE(column);
            const std::string view = "CREATE VIEW monthly AS SELECT champion, month, " +
                                     std::string(column) + " AS deal_value FROM amounts;";
            const auto feed = read_db(db, "cents", sql + view);
            REQUIRE_MESSAGE(feed.ok(), message_of(feed));
            CHECK(feed.value().monthly.at(0).deal_value_cents == 1850007);
        }
        const std::string third = "UPDATE amounts SET as_numeric3 = 18500.071; CREATE VIEW "
                                  "monthly AS SELECT champion, month, as_numeric3 AS deal_value "
                                  "FROM amounts;";
        CHECK(ends_with(error_of(read_db(db, "cents_bad", sql + third)),
                        ": monthly row 1 (champion \"a\", month \"2026-10\"): deal_value: "
                        "expected an amount ≥ 0 with at most 2 decimals, got 18500.071"));
    }
}

TEST_CASE("db: a missing required table is a clear error; missing optional tables are empty") {
    for (const Db db : kBoth) {
        CAPTURE(name_of(db));
        for (const char* table : {"organisation", "champions", "monthly"}) {
            CAPTURE(table);
            const auto feed =
                read_db(db, "missing", std::string(kExampleSql) + "DROP TABLE " + table + ";");
            CHECK(ends_with(error_of(feed), ": table \"" + std::string(table) + "\" is missing"));
        }
        const auto feed =
            read_db(db, "optional",
                    std::string(kExampleSql) + "DROP TABLE successes; DROP TABLE investment;");
        REQUIRE_MESSAGE(feed.ok(), message_of(feed));
        model::Feed expected = example_feed();
        expected.successes.clear();
        expected.investment.clear();
        CHECK(feed.value() == expected);

        const std::string no_month = "ALTER TABLE monthly DROP COLUMN month;";
        CHECK(ends_with(error_of(read_db(db, "no_column", kExampleSql + no_month)),
                        ": table \"monthly\": required column \"month\" is missing"));
        const std::string second = "INSERT INTO organisation (name, generated_at) "
                                   "VALUES ('B', '2026-11-01T08:00:00Z');";
        CHECK(ends_with(error_of(read_db(db, "two_rows", kExampleSql + second)),
                        ": table \"organisation\": expected exactly one row, got 2"));
    }
}

TEST_CASE("db: a broken rule rejects the feed with an error naming the row") {
    // Each case: what the example gets added, and how the error ends.
    const std::pair<const char*, const char*> cases[] = {
        {"INSERT INTO monthly (champion, month) VALUES ('c-017', '2026-13');",
         ": monthly row 3 (champion \"c-017\", month \"2026-13\"): month: expected YYYY-MM, "
         "got \"2026-13\""},
        {"INSERT INTO champions (id, name) VALUES ('c-017', 'Someone else');",
         ": champions row 2 (id \"c-017\"): id: duplicate id \"c-017\" (first at row 1)"},
        {"INSERT INTO monthly (champion, month) VALUES ('c-999', '2026-10');",
         ": monthly row 4 (champion \"c-999\", month \"2026-10\"): champion: unknown champion "
         "\"c-999\" (not in the feed's champions)"},
        {"INSERT INTO investment VALUES ('2026-10', 1, 1);",
         ": investment row 3 (month \"2026-10\"): month: duplicate month \"2026-10\" (first at "
         "row 2)"},
        {"UPDATE monthly SET leads = -1 WHERE champion = 'c-023';",
         ": monthly row 3 (champion \"c-023\", month \"2026-10\"): leads: expected an integer "
         "≥ 0, got -1"},
        {"UPDATE organisation SET currency = 'euro';",
         ": organisation row 1: currency: expected a 3-letter ISO 4217 code such as \"EUR\", got "
         "\"euro\""},
        {"UPDATE successes SET kind = 'award';",
         ": successes row 1 (date \"2026-10-14\", champion \"c-017\", title \"Invited to speak "
         "at a tax congress after a LinkedIn post\"): kind: expected one of lead, proposal, deal, "
         "hire, speaking, press, conversation, other; got \"award\""},
    };
    for (const Db db : kBoth) {
        CAPTURE(name_of(db));
        for (const auto& [change, error] : cases) {
            CAPTURE(change);
            const std::string message =
                error_of(read_db(db, "broken", kExampleSql + std::string(change)));
            CHECK_MESSAGE(ends_with(message, error), message);
        }
    }
}

// Every number at its limit (model::kMaxCount, kMaxMoney, kMaxHours), in types both databases take.
const char* const kLimitsSql = R"sql(
CREATE TABLE organisation (name TEXT, headcount BIGINT, generated_at TEXT);
INSERT INTO organisation VALUES ('Org', 1000000000000, '2026-11-01T08:00:00Z');
CREATE TABLE champions (id TEXT, name TEXT);
INSERT INTO champions VALUES ('c-1', 'Ann');
CREATE TABLE monthly (champion TEXT, month TEXT, reach BIGINT, deal_value NUMERIC(16, 2));
INSERT INTO monthly VALUES ('c-1', '2026-10', 1000000000000, 100000000000.00);
CREATE TABLE successes (champion TEXT, date TEXT, kind TEXT, title TEXT, value DOUBLE PRECISION);
INSERT INTO successes VALUES ('c-1', '2026-10-14', 'deal', 'A deal', 100000000000);
CREATE TABLE investment (month TEXT, hours DOUBLE PRECISION, cost DOUBLE PRECISION);
INSERT INTO investment VALUES ('2026-10', 1000000000, 100000000000);
)sql";

TEST_CASE("db: each number up to its limit, beyond it refused naming the row; blank text refused") {
    const std::string monthly = ": monthly row 1 (champion \"c-1\", month \"2026-10\"): ";
    const std::string success =
        ": successes row 1 (date \"2026-10-14\", champion \"c-1\", title \"A deal\"): ";
    const std::string investment = ": investment row 1 (month \"2026-10\"): ";
    const std::pair<const char*, std::string> cases[] = {
        {"UPDATE monthly SET reach = 1000000000001;",
         monthly + "reach: too large (at most 1000000000000), got 1000000000001"},
        // 2^62 was taken as it was: two such in a month turned the slide's total negative.
        {"UPDATE monthly SET reach = 4611686018427387904;",
         monthly + "reach: too large (at most 1000000000000), got 4611686018427387904"},
        {"UPDATE organisation SET headcount = 1000000000001;",
         ": organisation row 1: headcount: too large (at most 1000000000000), got 1000000000001"},
        {"UPDATE monthly SET deal_value = 100000000000.01;",
         monthly + "deal_value: too large (at most 100000000000), got 100000000000.01"},
        {"UPDATE successes SET value = 100000000001;",
         success + "value: too large (at most 100000000000), got 100000000001"},
        {"UPDATE investment SET hours = 1000000001;",
         investment + "hours: too large (at most 1000000000), got 1000000001"},
        {"UPDATE investment SET cost = 100000000001;",
         investment + "cost: too large (at most 100000000000), got 100000000001"},
        {"UPDATE champions SET name = '   ';",
         ": champions row 1 (id \"c-1\"): name: must not be empty"},
        {"UPDATE successes SET title = ' ';",
         success.substr(0, success.find("title")) + "title \" \"): title: must not be empty"},
        {"UPDATE organisation SET name = '  ';", ": organisation row 1: name: must not be empty"},
        {"UPDATE organisation SET name = '';", ": organisation row 1: name: must not be empty"},
    };
    for (const Db db : kBoth) {
        CAPTURE(name_of(db));
        const auto at_limit = read_db(db, "limits", kLimitsSql);
        REQUIRE_MESSAGE(at_limit.ok(), message_of(at_limit));
        const model::Feed& f = at_limit.value();
        CHECK(f.organisation.headcount == model::kMaxCount);
        CHECK(f.monthly.at(0).get(model::Metric::reach) == model::kMaxCount);
        CHECK(f.monthly.at(0).deal_value_cents == model::kMaxDealValueCents);
        CHECK(f.successes.at(0).value == static_cast<double>(model::kMaxMoney));
        CHECK(f.investment.at(0).hours == static_cast<double>(model::kMaxHours));
        CHECK(f.investment.at(0).cost == static_cast<double>(model::kMaxMoney));
        for (const auto& [change, error] : cases) {
            CAPTURE(change);
            const std::string message =
                error_of(read_db(db, "limits", kLimitsSql + std::string(change)));
            CHECK_MESSAGE(ends_with(message, error), message);
        }
        // The organisation's name is optional: NULL or no column at all is no name.
        const auto unnamed = read_db(
            db, "unnamed", kLimitsSql + std::string("UPDATE organisation SET name = NULL;"));
        REQUIRE_MESSAGE(unnamed.ok(), message_of(unnamed));
        CHECK(unnamed.value().organisation.name.empty());
        const auto no_column = read_db(
            db, "nameless", kLimitsSql + std::string("ALTER TABLE organisation DROP COLUMN name;"));
        REQUIRE_MESSAGE(no_column.ok(), message_of(no_column));
        CHECK(no_column.value().organisation.name.empty());
    }
}

TEST_CASE("db: a missing SQLite file is an error, and the file is not created") {
    const fs::path path = temp_folder() / "no-such.db";
    const auto feed = sync::read_sqlite_feed(path.string());
    const std::string message = error_of(feed);
    CHECK(message.rfind("sqlite://" + path.string() + ": cannot open: ", 0) == 0);
    CHECK_FALSE(fs::exists(path));
    const auto in_missing_folder = sync::read_sqlite_feed((temp_folder() / "nope/x.db").string());
    CHECK(contains(error_of(in_missing_folder), "cannot open"));
    CHECK_FALSE(fs::exists(temp_folder() / "nope"));
}

TEST_CASE("db: an SQLite source is only read: its bytes and mtime stay the same") {
    const fs::path path = make_sqlite("readonly", kExampleSql);
    const auto bytes = [&] {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const auto listing = [&] {
        std::string names;
        for (const auto& e : fs::directory_iterator(path.parent_path()))
            names += e.path().filename().string() + "\n";
        return names;
    };
    const std::string before = bytes();
    const auto mtime = fs::last_write_time(path);
    const std::string files = listing();
    std::this_thread::sleep_for(std::chrono::milliseconds(20)); // a write would move the mtime
    const auto feed = sync::read_sqlite_feed(path.string());
    REQUIRE_MESSAGE(feed.ok(), message_of(feed));
    CHECK(bytes() == before);
    CHECK(fs::last_write_time(path) == mtime);
    CHECK(listing() == files); // no journal or WAL left behind either

    // Not a database: refused, and left alone.
    const fs::path text = temp_folder() / "notes.db";
    std::ofstream(text) << "just some text, long enough to have a header's worth of bytes......"
                           "................................................................";
    CHECK(contains(error_of(sync::read_sqlite_feed(text.string())), "cannot read: file is not a "
                                                                    "database"));
}

TEST_CASE("db: PostgreSQL types: dates, timestamptz, numeric, booleans, integer ids") {
    const std::string sql = R"sql(
CREATE TABLE organisation (name text, headcount integer, currency char(3),
                           champion_goal_percent numeric(5, 2), generated_at timestamptz);
INSERT INTO organisation VALUES ('Org', 1200, 'EUR', 12.5, '2026-11-01 08:00:00+01');
CREATE TABLE champions (id integer, name varchar(200), consent_public boolean);
INSERT INTO champions VALUES (17, 'Seventeen', true), (9, 'Nine', false);
CREATE TABLE monthly (champion bigint, month date, deals smallint, deal_value numeric(14, 2));
INSERT INTO monthly VALUES (17, DATE '2026-10-01', 1, 18500.07), (17, DATE '2026-09-15', 2, 10),
                           (9, DATE '2026-10-31', 0, 0);
CREATE TABLE successes (champion integer, date date, kind text, title text, value numeric);
INSERT INTO successes VALUES (9, DATE '2026-10-14', 'deal', 'Won it', 2500.5);
CREATE TABLE investment (month date, hours real, cost numeric(12, 2));
INSERT INTO investment VALUES (DATE '2026-10-01', 160.5, 12000.00);
)sql";
    const auto feed = sync::read_postgres_feed(make_postgres("types", sql));
    REQUIRE_MESSAGE(feed.ok(), message_of(feed));
    const model::Feed& f = feed.value();
    CHECK(f.generated_at == "2026-11-01T07:00:00+00:00");
    CHECK(f.organisation.champion_goal_percent == 12.5);
    REQUIRE(f.champions.size() == 2);
    CHECK(f.champions[0].id == "9"); // integer ids sort by value
    CHECK(f.champions[1].consent.is_public);
    REQUIRE(f.monthly.size() == 3);
    CHECK(f.monthly[0].champion == "9");
    CHECK(f.monthly[1].month == model::YearMonth{2026, 9});
    CHECK(f.monthly[2].month == model::YearMonth{2026, 10});
    CHECK(f.monthly[2].deal_value_cents == 1850007);
    CHECK(f.monthly[1].deal_value_cents == 1000);
    CHECK(f.successes.at(0).date == model::Date{2026, 10, 14});
    CHECK(f.successes.at(0).value == 2500.5);
    CHECK(f.investment.at(0).hours == 160.5);
    CHECK(f.investment.at(0).cost == 12000);

    const auto naive = sync::read_postgres_feed(make_postgres("naive", sql + R"sql(
ALTER TABLE organisation ALTER COLUMN generated_at TYPE timestamp;)sql"));
    CHECK(contains(error_of(naive), "organisation row 1: generated_at: expected an RFC 3339 "
                                    "date-time with offset"));
}

TEST_CASE("db: PostgreSQL reads in one REPEATABLE READ READ ONLY transaction with a timeout") {
    // Each table says what its own read saw: the transaction's settings and start time.
    const std::string sql = R"sql(
CREATE VIEW organisation AS SELECT current_setting('transaction_isolation') || ' / ' ||
    current_setting('transaction_read_only') || ' / ' || current_setting('statement_timeout')
    AS name, '2026-11-01T08:00:00Z' AS generated_at;
CREATE VIEW champions AS SELECT 'c-1' AS id, now()::text AS name;
CREATE VIEW monthly AS SELECT 'c-1' AS champion, '2026-10' AS month;
CREATE VIEW successes AS SELECT 'c-1' AS champion, '2026-10-01' AS date, 'other' AS kind,
    now()::text AS title;
CREATE VIEW investment AS SELECT '2026-10' AS month, pg_backend_pid() AS hours;
)sql";
    const auto feed = sync::read_postgres_feed(make_postgres("settings", sql));
    REQUIRE_MESSAGE(feed.ok(), message_of(feed));
    CHECK(feed.value().organisation.name == "repeatable read / on / 30s");
    // now() is the transaction's start: equal in two reads only if they share one transaction.
    CHECK(feed.value().champions.at(0).name == feed.value().successes.at(0).title);
}

TEST_CASE("db: PostgreSQL: a writer that commits between our reads cannot produce a mix") {
    const PostgresServer& pg = PostgresServer::shared();
    // organisation is read first and takes 2 s; the writer commits while it sleeps, then
    // champions is read. One snapshot for all reads sees "before" in both.
    const std::string schema = make_schema("writer", R"sql(
CREATE TABLE org_data (name text, generated_at text);
INSERT INTO org_data VALUES ('before', '2026-11-01T08:00:00Z');
CREATE FUNCTION slowly(t text) RETURNS text LANGUAGE plpgsql AS
    $$ BEGIN PERFORM pg_sleep(2); RETURN t; END $$;
CREATE VIEW organisation AS SELECT slowly(name) AS name, generated_at FROM org_data;
CREATE TABLE champions (id text, name text);
INSERT INTO champions VALUES ('c-1', 'before');
CREATE TABLE monthly (champion text, month text);
)sql");
    const std::string conninfo = conninfo_for(schema);
    Result<model::Feed> feed = Error{"not read"};
    std::thread reader([&] { feed = sync::read_postgres_feed(conninfo); });
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    const std::string sleeping = "SELECT count(*) FROM pg_stat_activity WHERE wait_event = "
                                 "'PgSleep' AND usename = 'podium'";
    while (pg.query_value(sleeping) != "1" && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    pg.exec("UPDATE " + schema + ".org_data SET name = 'after'; UPDATE " + schema +
            ".champions SET name = 'after'");
    const bool still_sleeping = pg.query_value(sleeping) == "1";
    reader.join();
    REQUIRE(still_sleeping); // else the write did not fall between the reads: no test
    REQUIRE_MESSAGE(feed.ok(), message_of(feed));
    CHECK(feed.value().organisation.name == "before");
    CHECK(feed.value().champions.at(0).name == "before");
}

namespace {

// A port where nothing listens.
int closed_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    close(fd);
    return ntohs(addr.sin_port);
}

} // namespace

TEST_CASE("db: PostgreSQL connection failures are bounded and never show the password") {
    const PostgresServer& pg = PostgresServer::shared();
    // Dropped first: each SUBCASE runs the test case again.
    pg.exec("DROP ROLE IF EXISTS carol; CREATE ROLE carol LOGIN PASSWORD 'Right-Pass-42' IN ROLE "
            "password_users");
    const std::string port = std::to_string(pg.port());

    SUBCASE("wrong password, URI form") {
        const auto feed = sync::read_postgres_feed(
            "postgresql://carol:Wr0ng-Pass-99@127.0.0.1:" + port + "/podium");
        const std::string message = error_of(feed);
        const std::string redacted = "postgresql://carol:***@127.0.0.1:" + port + "/podium";
        CHECK(message.rfind(redacted + ": cannot connect: ", 0) == 0);
        CHECK(contains(message, "password authentication failed for user \"carol\""));
        CHECK_FALSE(contains(message, "Wr0ng"));
    }
    SUBCASE("right password: connected, and the password is not in later messages either") {
        const auto feed =
            sync::read_postgres_feed("postgresql://carol@127.0.0.1:" + port +
                                     "/podium?password=Right-Pass-42&sslmode=disable");
        const std::string message = error_of(feed);
        CHECK(ends_with(message, ": table \"organisation\" is missing"));
        CHECK(contains(message, "?password=***&sslmode=disable"));
        CHECK_FALSE(contains(message, "Right-Pass"));
    }
    SUBCASE("nothing listening, key=value form with a quoted password") {
        const auto start = Clock::now();
        const auto feed =
            sync::read_postgres_feed("host=127.0.0.1 port=" + std::to_string(closed_port()) +
                                     " user=carol password='se cr\\'et 42' dbname=podium");
        const std::string message = error_of(feed);
        CHECK(Clock::now() - start < std::chrono::seconds(5));
        CHECK(contains(message, "password=*** dbname=podium: cannot connect: "));
        CHECK(contains(message, "Connection refused"));
        CHECK_FALSE(contains(message, "se cr"));
        CHECK_FALSE(contains(message, "et 42"));
    }
    SUBCASE("a server that never answers: connect_timeout ends the wait") {
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(listen(fd, 4) == 0); // the kernel completes the handshake; nobody ever replies
        REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
        const auto start = Clock::now();
        const auto feed = sync::read_postgres_feed(
            "postgresql://podium:Silent-Pass@127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) +
            "/podium?connect_timeout=2");
        const auto took = Clock::now() - start;
        close(fd);
        const std::string message = error_of(feed);
        CHECK(took < std::chrono::seconds(8));
        CHECK(contains(message, "cannot connect: "));
        CHECK(contains(message, "timeout"));
        CHECK_FALSE(contains(message, "Silent-Pass"));
    }
    SUBCASE("a malformed conninfo") {
        const auto feed = sync::read_postgres_feed("host=127.0.0.1 password=Hidden-1 bogus");
        const std::string message = error_of(feed);
        CHECK(contains(message, "cannot connect: invalid connection string"));
        CHECK_FALSE(contains(message, "Hidden"));
    }
}

} // namespace podium

// The workbook through the real binary: `podium feed template`, then a sync of a workbook from a
// file and over HTTP, and what export and render show afterwards.
#include "cli_support.hpp"

#include "../support/http_test_server.hpp"
#include "../support/xlsx_builder.hpp"

#include "sync/demo_feed.hpp"
#include "sync/feed_json.hpp"
#include "sync/feed_xlsx_write.hpp"

using namespace podium;
using namespace podium::test::cli_support;

TEST_CASE("feed cli: the template is written once, and a screen syncs it as it is") {
    TempDir dir;
    const std::string book = dir.file("figures.xlsx");
    Run r = run_podium(dir, {"feed", "template", book});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, book + ": template written"));
    const std::string written = test::read_file(book);
    CHECK(written.starts_with("PK"));

    r = run_podium(dir, {"feed", "template", book, "--lang", "nl"});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "podium: " + book + " already exists: choose another name, or remove it first\n");
    CHECK(test::read_file(book) == written); // untouched

    r = run_podium(dir, {"feed", "template"});
    CHECK(r.exit_code == 2);
    r = run_podium(dir, {"feed", "template", dir.file("x.xlsx"), "--lang", "de"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "unknown language 'de'"));

    const std::string db = dir.file("screen.db");
    r = run_podium(dir, {"--db", db, "sync", "--once", "--source", book});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    r = run_podium(dir, {"--db", db, "export"});
    REQUIRE(r.exit_code == 0);
    auto feed = sync::parse_feed_json(r.out);
    REQUIRE(feed.ok());
    CHECK(feed.value().champions.size() == 3);
    CHECK(feed.value().champions[1].name == "Mohammed El Amrani");
    CHECK(feed.value().monthly.size() == 6);
}

TEST_CASE("feed cli: 40 champions over 14 months in a workbook sync, export exactly and render") {
    TempDir dir;
    const model::Feed demo = sync::generate_demo_feed();
    const std::string book = dir.file("demo.xlsx");
    REQUIRE(sync::write_feed_xlsx(demo, book, {sync::WorkbookLanguage::nl, true}).ok());
    const std::string db = dir.file("screen.db");
    Run r = run_podium(dir, {"--db", db, "sync", "--once", "--source", book});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    r = run_podium(dir, {"--db", db, "export"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == sync::feed_to_json(demo));
    r = run_podium(dir, {"--db", db, "render", "--slide", "leaderboard", "--size", "1920x1080",
                         "--format", "text", "--audience", "internal"});
    REQUIRE(r.exit_code == 0);
    CHECK_FALSE(contains(r.out, "Demo data")); // the workbook's figures, not the bundled demo
    int named = 0; // the leaderboard's rows are the workbook's champions
    for (const auto& c : demo.champions) named += contains(r.out, "\n" + c.name + "\n") ? 1 : 0;
    CHECK(named >= 3);
    // The same workbook again changes nothing.
    r = run_podium(dir, {"--db", db, "sync", "--once", "--source", book});
    CHECK(r.exit_code == 0);
}

TEST_CASE("feed cli: a workbook over HTTP, by media type or by name, and a broken one refused") {
    TempDir dir;
    const model::Feed demo = sync::generate_demo_feed();
    const std::string book = dir.file("demo.xlsx");
    REQUIRE(sync::write_feed_xlsx(demo, book, {sync::WorkbookLanguage::en, true}).ok());
    const std::string bytes = test::read_file(book);
    test::HttpTestServer server;
    server.on("/figures", [&](const test::Request&) {
        return test::Reply{.headers = {{"Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}}, .body = bytes};
    });
    server.on("/figures.xlsx", [&](const test::Request&) {
        return test::Reply{.headers = {{"Content-Type", "application/octet-stream"}}, .body = bytes};
    });
    std::string broken = bytes.substr(0, bytes.size() - 100);
    server.on("/broken.xlsx", [&](const test::Request&) {
        test::Reply reply;
        reply.body = broken;
        return reply;
    });
    for (const std::string path : {"/figures", "/figures.xlsx"}) {
        const std::string db = dir.file("screen" + std::to_string(path.size()) + ".db");
        Run r = run_podium(dir, {"--db", db, "sync", "--once", "--source", server.url(path)});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        r = run_podium(dir, {"--db", db, "export"});
        CHECK(r.out == sync::feed_to_json(demo));
    }
    Run r = run_podium(dir, {"--db", dir.file("b.db"), "sync", "--once", "--source", server.url("/broken.xlsx")});
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "the workbook is a damaged zip archive"));
}

TEST_CASE("feed cli: check shows what a source holds and every problem, and touches no store") {
    TempDir dir;
    const std::string db = dir.file("never.db");
    const std::string good = dir.file("good.xlsx");
    REQUIRE(run_podium(dir, {"feed", "template", good}).exit_code == 0);
    Run r = run_podium(dir, {"--db", db, "feed", "check", good});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Source: " + good + " (workbook)"));
    CHECK(contains(r.out, "Sheets ignored: Instructions"));
    CHECK(contains(r.out, "Champions: 3 (3 may be named to colleagues, 1 to visitors"));
    CHECK(contains(r.out, "First rows as Podium reads them:\n  c-001, Sanne de Vries (Tax), "));
    CHECK(contains(r.out, "Problems: none"));

    // A workbook with problems in three cells and a column Podium does not know: all listed.
    test::XlsxParts parts;
    parts.sheets.push_back({"Champions", "<row r=\"1\">" + test::inline_cell("A1", "id") +
                                             test::inline_cell("B1", "name") + "</row><row r=\"2\">" +
                                             test::inline_cell("A2", "c-1") + test::inline_cell("B2", "An") +
                                             "</row>"});
    parts.sheets.push_back({"Monthly",
                            "<row r=\"1\">" + test::inline_cell("A1", "champion") + test::inline_cell("B1", "month") +
                                test::inline_cell("C1", "followers") + test::inline_cell("D1", "Remarks") + "</row>" +
                                "<row r=\"2\">" + test::inline_cell("A2", "c-1") + test::inline_cell("B2", "2026-13") + "</row>" +
                                "<row r=\"3\">" + test::inline_cell("A3", "c-1") + test::inline_cell("B3", "2026-10") +
                                test::inline_cell("C3", "12,5") + "</row>" +
                                "<row r=\"9\">" + test::number_cell("A9", "7") + test::inline_cell("B9", "2026-11") +
                                test::number_cell("C9", "-1") + "</row>"});
    const std::string bad = dir.write("bad.xlsx", test::make_xlsx(parts));
    r = run_podium(dir, {"--db", db, "feed", "check", bad});
    CHECK(r.exit_code == 3);
    CHECK(contains(r.out, "Columns of Monthly: champion, month, followers; ignored: Remarks"));
    CHECK(contains(r.out, "Problems: 3; a sync would refuse the whole source and change nothing:\n"
                          "  Monthly!B2: month: expected YYYY-MM, got \"2026-13\"\n"
                          "  Monthly!C3: followers: expected an integer ≥ 0, got \"12,5\"\n"
                          "  Monthly!C9: followers: expected an integer ≥ 0, got -1\n"));

    model::Feed feed = sync::generate_demo_feed();
    feed.monthly.front().champion = "nobody";
    const std::string json = dir.write("bad.json", sync::feed_to_json(feed));
    r = run_podium(dir, {"--db", db, "feed", "check", json});
    CHECK(r.exit_code == 3);
    CHECK(contains(r.out, "(JSON feed)"));
    CHECK(contains(r.out, "Problems: 1; a sync would refuse the whole source and change nothing:\n  monthly[0].champion: "));

    const std::string csv = dir.write("export.csv", "Champion_ID;Name;Month;Points;Followers\nc-1;An;2026-10;5;12\nc-2;Bo;2026-13;1;x\n");
    r = run_podium(dir, {"--db", db, "feed", "check", csv});
    CHECK(r.exit_code == 3);
    CHECK(contains(r.out, "Columns of the file: Champion_ID, Name, Month, Followers; ignored: Points"));
    CHECK(contains(r.out, "  line 3, column \"month\": expected YYYY-MM, got \"2026-13\""));

    r = run_podium(dir, {"--db", db, "feed", "check", dir.file("missing.xlsx")});
    CHECK(r.exit_code == 4);
    CHECK(contains(r.out, "Cannot be read: file "));
    r = run_podium(dir, {"--db", db, "feed", "check", "gopher://x"});
    CHECK(r.exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(db)); // nothing created, at any step
}

TEST_CASE("feed cli: an advocacy tool's export with a preset and a month from the managed config") {
    TempDir dir;
    const std::string report = dir.write("leaderboard.csv",
                                         "Rank,Person,Last active,Department,Location,Points\n"
                                         "1,Sanne de Vries,2026-10-30,Tax,Amsterdam,1520\n"
                                         "2,Mohammed El Amrani,2026-10-29,Audit,Rotterdam,1310\n");
    const std::string config = dir.write("podium.toml", "[source]\nurl = \"" + report +
                                                            "\"\npreset = \"everyonesocial\"\nmonth = \"2026-10\"\n");
    const std::string db = dir.file("screen.db");
    Run r = run_podium(dir, {"config", "check", config});
    CHECK(r.exit_code == 0);
    r = run_podium(dir, {"--db", db, "--config", config, "sync", "--once"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    r = run_podium(dir, {"--db", db, "export"});
    auto feed = sync::parse_feed_json(r.out);
    REQUIRE(feed.ok());
    REQUIRE(feed.value().monthly.size() == 2);
    CHECK(feed.value().monthly[0].month == model::YearMonth{2026, 10});
    CHECK(feed.value().monthly[0].get(model::Metric::interactions) == 1520);
    CHECK(feed.value().champions[1].team == "Audit");
    // feed check reads through the same mapping (from the store's settings now).
    r = run_podium(dir, {"--db", db, "feed", "check", report});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Columns of the file: Person, Department, Points; ignored: Rank, Last active, Location"));

    // Mistakes in the mapping are named at their line.
    const std::string bad = dir.write("bad.toml", "[source]\npreset = \"hootsuite\"\nmonth = \"last\"\n"
                                                  "[source.columns]\nlikes = \"Likes\"\nname = 3\n");
    r = run_podium(dir, {"config", "check", bad});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "bad.toml:2:10: source.preset: unknown preset \"hootsuite\""));
    CHECK(contains(r.err, "bad.toml:3:9: source.month: expected \"previous\" or a month as YYYY-MM"));
    CHECK(contains(r.err, "bad.toml:5:1: unknown key \"source.columns.likes\""));
    CHECK(contains(r.err, "bad.toml:6:8: source.columns.name: expected the export's column name"));
}

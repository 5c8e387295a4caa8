// Workbooks saved by a real spreadsheet program, not only by our own writer: LibreOffice Calc
// (headless, from Debian's libreoffice-calc-nogui, which the test command installs) saves the
// template and the demo data again, in its own way (its own shared strings, styles and part
// names), and the feed read from its file must be the same.
#include "sync/demo_feed.hpp"
#include "sync/feed_csv.hpp"
#include "sync/feed_xlsx.hpp"
#include "sync/feed_xlsx_write.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

namespace podium::sync {
namespace {

// Saves `in` again as .xlsx with LibreOffice into `out_dir`; the path of the result.
std::string resave_with_libreoffice(const test::TempDir& dir, const std::string& in) {
    const std::string out_dir = dir.file("libreoffice");
    std::filesystem::create_directories(out_dir);
    // A profile of its own, so that parallel tests and a user's LibreOffice never share one.
    const std::string command = "timeout 180 soffice --headless --norestore "
                                "-env:UserInstallation=file://" + dir.file("profile") +
                                " --convert-to xlsx --outdir '" + out_dir + "' '" + in +
                                "' >'" + dir.file("soffice.log") + "' 2>&1";
    const int status = std::system(command.c_str());
    INFO("soffice log: " << test::read_file(dir.file("soffice.log")));
    REQUIRE_MESSAGE(status == 0, "soffice failed (packaging/quickstart.sh test installs libreoffice-calc-nogui)");
    return out_dir + "/" + std::filesystem::path(in).stem().string() + ".xlsx";
}

CsvDefaults defaults() {
    CsvDefaults d;
    d.organisation.name = "From Settings";
    d.generated_at = "2026-11-02T09:00:00Z";
    return d;
}

} // namespace

TEST_CASE("xlsx feed: workbooks saved by LibreOffice Calc read as the same feed") {
    test::TempDir dir("podium-lo");
    SUBCASE("the Dutch template") {
        const model::Feed example = template_feed({2026, 12}, WorkbookLanguage::nl);
        const std::string ours = dir.file("sjabloon.xlsx");
        REQUIRE(write_feed_xlsx(example, ours, {WorkbookLanguage::nl, false}).ok());
        const std::string theirs = resave_with_libreoffice(dir, ours);
        REQUIRE(test::read_file(theirs) != test::read_file(ours));
        auto feed = parse_feed_xlsx(test::read_file(theirs), defaults());
        REQUIRE_MESSAGE(feed.ok(), feed.error().message);
        model::Feed expected = example;
        expected.generated_at = defaults().generated_at;
        CHECK(feed.value() == expected);
    }
    SUBCASE("an advocacy tool's CSV export, opened and saved as a workbook") {
        const std::string csv = "Rank,Person,Last active,Department,Location,Points\n"
                                "1,Sanne de Vries,2026-10-30,Tax,Amsterdam,1520\n"
                                "2,Mohammed El Amrani,2026-10-29,Audit,Rotterdam,1310\n";
        const std::string in = dir.write("leaderboard.csv", csv);
        const std::string theirs = resave_with_libreoffice(dir, in);
        CsvDefaults d = defaults();
        d.mapping = make_mapping("everyonesocial", {}, "previous", d.generated_at).value();
        auto from_book = parse_feed_xlsx(test::read_file(theirs), d);
        REQUIRE_MESSAGE(from_book.ok(), from_book.error().message);
        auto from_csv = parse_feed_csv(csv, d);
        REQUIRE(from_csv.ok());
        CHECK(from_book.value() == from_csv.value());
        CHECK(from_book.value().monthly[1].get(model::Metric::interactions) == 1310);
    }
    SUBCASE("40 champions over 14 months") {
        const model::Feed demo = generate_demo_feed();
        const std::string ours = dir.file("demo.xlsx");
        REQUIRE(write_feed_xlsx(demo, ours, {WorkbookLanguage::en, true}).ok());
        auto feed = parse_feed_xlsx(test::read_file(resave_with_libreoffice(dir, ours)), defaults());
        REQUIRE_MESSAGE(feed.ok(), feed.error().message);
        CHECK(feed.value() == demo);
    }
}

} // namespace podium::sync

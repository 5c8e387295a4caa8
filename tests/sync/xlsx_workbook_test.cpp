// The workbook reader: cells by type from the parts a spreadsheet program writes, and every
// hostile or broken file refused with a message, within its limits.
#include "sync/xlsx_workbook.hpp"

#include "tests/support/xlsx_builder.hpp"

#include <doctest/doctest.h>

namespace podium::sync::xlsx {
namespace {

using test::inline_cell;
using test::number_cell;

const Sheet& sheet_named(const Workbook& book, std::string_view name) {
    for (const auto& s : book.sheets)
        if (s.name == name) return s;
    FAIL("no sheet " << name);
    return book.sheets.front();
}

test::XlsxParts one_sheet(const std::string& name, const std::string& sheet_data) {
    test::XlsxParts parts;
    parts.sheets.push_back({name, sheet_data});
    return parts;
}

} // namespace

TEST_CASE("xlsx: cell references and date serials") {
    CHECK(cell_ref(14, 4) == "D14");
    CHECK(cell_ref(1, 26) == "Z1");
    CHECK(cell_ref(2, 27) == "AA2");
    CHECK(cell_ref(3, 16384) == "XFD3");
    CHECK(parse_cell_ref("D14") == std::pair<std::uint32_t, std::uint32_t>{4, 14});
    CHECK(parse_cell_ref("$AA$2") == std::pair<std::uint32_t, std::uint32_t>{27, 2});
    CHECK_FALSE(parse_cell_ref("14"));
    CHECK_FALSE(parse_cell_ref("D"));
    CHECK_FALSE(parse_cell_ref("d14"));
    CHECK_FALSE(parse_cell_ref("XFE1"));
    CHECK_FALSE(parse_cell_ref("A1048577"));

    // 1900 system: 1 is 1900-01-01; 60 is Lotus's 29 February 1900; 61 is 1 March.
    CHECK(serial_to_date(1, false) == model::Date{1900, 1, 1});
    CHECK(serial_to_date(59, false) == model::Date{1900, 2, 28});
    CHECK_FALSE(serial_to_date(60, false));
    CHECK(serial_to_date(61, false) == model::Date{1900, 3, 1});
    CHECK(serial_to_date(46296, false) == model::Date{2026, 10, 1});
    CHECK(serial_to_date(46296.75, false) == model::Date{2026, 10, 1}); // the time is dropped
    // 1904 system: 0 is 1904-01-01, so the same day is 1,462 lower.
    CHECK(serial_to_date(0, true) == model::Date{1904, 1, 1});
    CHECK(serial_to_date(46296 - 1462, true) == model::Date{2026, 10, 1});
    CHECK_FALSE(serial_to_date(-1, false));
    CHECK_FALSE(serial_to_date(1e12, false));
}

TEST_CASE("xlsx: date formats are told from number and time formats") {
    CHECK(is_date_format(14, ""));
    CHECK(is_date_format(17, ""));
    CHECK(is_date_format(22, ""));
    CHECK_FALSE(is_date_format(0, ""));
    CHECK_FALSE(is_date_format(4, ""));
    CHECK_FALSE(is_date_format(20, "")); // h:mm
    CHECK(is_date_format(164, "yyyy-mm-dd"));
    CHECK(is_date_format(165, "mmm yyyy"));
    CHECK(is_date_format(166, "[$-413]d mmmm yyyy;@"));
    CHECK(is_date_format(167, "mmmm"));
    CHECK_FALSE(is_date_format(168, "0.00E+00"));
    CHECK_FALSE(is_date_format(169, "#,##0 \"days\""));
    CHECK_FALSE(is_date_format(170, "[h]:mm:ss"));
    CHECK_FALSE(is_date_format(171, "mm:ss"));
    CHECK_FALSE(is_date_format(172, "[Red]#,##0.00"));
    CHECK_FALSE(is_date_format(173, "General"));
}

TEST_CASE("xlsx: cells are read by type") {
    test::XlsxParts parts;
    parts.shared_strings = {"Sanne de Vries", "Tax"};
    parts.num_fmts = R"(<numFmt numFmtId="164" formatCode="yyyy\-mm"/>)";
    parts.cell_xfs = {0, 14, 164, 4};
    parts.sheets.push_back(
        {"Monthly",
         R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="0"><v>1</v></c>)"
         R"(<c r="C1"><v>812</v></c><c r="D1" s="3"><v>18500.5</v></c></row>)"
         R"(<row r="3" spans="1:4"><c r="A3" s="1"><v>46309</v></c><c r="B3" s="2"><v>46296</v></c>)"
         R"(<c r="C3" t="b"><v>1</v></c><c r="E3" t="e"><v>#DIV/0!</v></c></row>)"
         R"(<row r="4"><c r="A4" s="1"/><c r="B4" t="str"><f>A1&amp;"!"</f><v>Sanne!</v></c>)"
         R"(<c r="C4"><f>C1*2</f><v>1624</v></c>)" +
             inline_cell("D4", "inline & rich") + "</row>" +
             R"(<row r="5"><c r="A5" s="2"/></row>)"});
    parts.sheets.push_back({"Notes", R"(<row r="1"><c r="A1"><v>1</v></c></row>)"});

    auto book = read_workbook(test::make_xlsx(parts), [](std::string_view n) { return n == "Monthly"; });
    REQUIRE_MESSAGE(book.ok(), book.error().message);
    const Workbook& b = book.value();
    REQUIRE(b.sheets.size() == 2);
    CHECK_FALSE(sheet_named(b, "Notes").read);
    CHECK(sheet_named(b, "Notes").rows.empty());
    const Sheet& s = sheet_named(b, "Monthly");
    CHECK(s.read);
    // Row 2 is absent, and so is row 5, which holds only a formatted empty cell.
    REQUIRE(s.rows.size() == 3);
    CHECK(s.rows[0].number == 1);
    CHECK(s.rows[1].number == 3);
    CHECK(s.rows[2].number == 4);

    const auto& r1 = s.rows[0].cells;
    REQUIRE(r1.size() == 4);
    CHECK(r1[0].type == CellType::text);
    CHECK(b.text(r1[0]) == "Sanne de Vries");
    CHECK(b.text(r1[1]) == "Tax");
    CHECK(r1[2].type == CellType::number);
    CHECK(r1[2].number == 812);
    CHECK(r1[3].type == CellType::number); // format 4 is #,##0.00: a number, not a date
    CHECK(r1[3].number == 18500.5);

    const auto& r3 = s.rows[1].cells;
    REQUIRE(r3.size() == 4);
    CHECK(r3[0].type == CellType::date); // builtin 14
    CHECK(serial_to_date(r3[0].number, b.date1904) == model::Date{2026, 10, 14});
    CHECK(r3[1].type == CellType::date); // custom yyyy-mm
    CHECK(r3[2].type == CellType::boolean);
    CHECK(r3[2].number == 1);
    CHECK(r3[3].column == 5);
    CHECK(r3[3].type == CellType::error);
    CHECK(b.text(r3[3]) == "#DIV/0!");

    const auto& r4 = s.rows[2].cells;
    REQUIRE(r4.size() == 3); // A4 is empty
    CHECK(r4[0].column == 2);
    CHECK(b.text(r4[0]) == "Sanne!"); // a formula by its cached value
    CHECK(r4[1].number == 1624);
    CHECK(b.text(r4[2]) == "inline & rich");
}

TEST_CASE("xlsx: rich text, phonetic runs, cells without references, the 1904 system") {
    test::XlsxParts parts;
    parts.date1904 = true;
    parts.cell_xfs = {0, 14};
    parts.sheets.push_back({"S", R"(<row><c t="inlineStr"><is><r><t>Mo</t></r><r><rPr/><t xml:space="preserve">hammed </t></r><rPh><t>XX</t></rPh><r><t>El Amrani</t></r></is></c><c s="1"><v>0</v></c></row><row><c><v>7</v></c></row>)"});
    auto book = read_workbook(test::make_xlsx(parts));
    REQUIRE_MESSAGE(book.ok(), book.error().message);
    const Sheet& s = book.value().sheets[0];
    REQUIRE(s.rows.size() == 2);
    CHECK(s.rows[0].number == 1);
    CHECK(s.rows[1].number == 2);
    REQUIRE(s.rows[0].cells.size() == 2);
    CHECK(book.value().text(s.rows[0].cells[0]) == "Mohammed El Amrani");
    CHECK(s.rows[0].cells[1].column == 2);
    CHECK(book.value().date1904);
    CHECK(serial_to_date(s.rows[0].cells[1].number, true) == model::Date{1904, 1, 1});
}

TEST_CASE("xlsx: files that are not workbooks say what they are") {
    auto check = [](const std::string& bytes, const std::string& expected) {
        auto book = read_workbook(bytes);
        REQUIRE_FALSE(book.ok());
        CHECK_MESSAGE(book.error().message.find(expected) != std::string::npos,
                      book.error().message);
    };
    check("", "is empty");
    check("champion_id,name,month\n", "not a zip archive");
    check(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(500, '\0'),
          "password-protected workbook or an old .xls file");
    check("PK\x03\x04garbage", "damaged zip archive");
    check(test::make_zip({{"hello.txt", "hi"}}), "not an .xlsx workbook (it has no xl/workbook.xml)");
    // A workbook cut short loses its central directory.
    const std::string whole = test::make_xlsx(one_sheet("S", ""));
    check(whole.substr(0, whole.size() / 2), "damaged zip archive");
}

TEST_CASE("xlsx: broken XML names its part, line and column") {
    auto members = test::xlsx_members(one_sheet("Monthly", R"(<row r="1"><c r="A1"><v>1</v></row>)"));
    auto book = read_workbook(test::make_zip(members));
    REQUIRE_FALSE(book.ok());
    CHECK(book.error().message.starts_with("xl/worksheets/sheet1.xml: not well-formed XML (mismatched tag) at line 1, column "));

    auto bad_ref = read_workbook(test::make_xlsx(one_sheet("Monthly", R"(<row r="2"><c r="A3"><v>1</v></c></row>)")));
    REQUIRE_FALSE(bad_ref.ok());
    CHECK(bad_ref.error().message == "xl/worksheets/sheet1.xml: Monthly row 2: the cell reference \"A3\" does not fit its row");

    auto bad_number = read_workbook(test::make_xlsx(one_sheet("Monthly", R"(<row r="2"><c r="B2"><v>12,5</v></c></row>)")));
    REQUIRE_FALSE(bad_number.ok());
    CHECK(bad_number.error().message == "xl/worksheets/sheet1.xml: Monthly!B2: the number \"12,5\" cannot be read");

    auto missing_string = read_workbook(test::make_xlsx(one_sheet("Monthly", R"(<row r="2"><c r="B2" t="s"><v>3</v></c></row>)")));
    REQUIRE_FALSE(missing_string.ok());
    CHECK(missing_string.error().message == "xl/worksheets/sheet1.xml: Monthly!B2: refers to shared string \"3\", which is missing");
}

TEST_CASE("xlsx: hostile files are refused within their limits") {
    SUBCASE("entity expansion: a document type declaration is refused before any entity") {
        auto members = test::xlsx_members(one_sheet("S", ""));
        std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol3;</t></si></sst>)";
        for (auto& [name, content] : members)
            if (name == "xl/sharedStrings.xml") content = laughs;
        auto book = read_workbook(test::make_zip(members));
        REQUIRE_FALSE(book.ok());
        CHECK(book.error().message.starts_with("xl/sharedStrings.xml: has a document type declaration at line 1"));
    }
    SUBCASE("deep nesting") {
        std::string deep;
        for (int i = 0; i < 100'000; ++i) deep += "<x>";
        auto book = read_workbook(test::make_xlsx(one_sheet("S", "<row r=\"1\">" + deep)));
        REQUIRE_FALSE(book.ok());
        CHECK(book.error().message.starts_with("xl/worksheets/sheet1.xml: XML nested deeper than 64 elements"));
    }
    SUBCASE("a million shared strings") {
        test::XlsxParts parts;
        parts.sheets = {{"S", ""}};
        parts.shared_strings.assign(1'000'000, "x");
        auto book = read_workbook(test::make_xlsx(parts));
        REQUIRE_FALSE(book.ok());
        CHECK(book.error().message == "xl/sharedStrings.xml: has more than 250000 shared strings");
    }
    SUBCASE("a member that unpacks far beyond its packed size (a zip bomb)") {
        // 64 MiB of spaces packs to some 64 KiB; the limits are counted as it unpacks.
        auto members = test::xlsx_members(one_sheet("S", std::string(64u << 20, ' ')));
        const std::string bomb = test::make_zip(members);
        CHECK(bomb.size() < (1u << 20));
        Limits limits;
        limits.zip.max_member_bytes = 8u << 20;
        auto book = read_workbook(bomb, {}, limits);
        REQUIRE_FALSE(book.ok());
        CHECK(book.error().message == "xl/worksheets/sheet1.xml unpacks to more than 8 MiB");
        limits = Limits{};
        limits.zip.max_total_bytes = 16u << 20;
        book = read_workbook(bomb, {}, limits);
        REQUIRE_FALSE(book.ok());
        CHECK(book.error().message == "unpacks to more than 16 MiB in all");
    }
    SUBCASE("too many cells") {
        std::string cells;
        for (int i = 1; i <= 20; ++i) cells += "<row r=\"" + std::to_string(i) + "\"><c><v>1</v></c></row>";
        Limits limits;
        limits.max_cells = 10;
        auto book = read_workbook(test::make_xlsx(one_sheet("S", cells)), {}, limits);
        REQUIRE_FALSE(book.ok());
        CHECK(book.error().message == "xl/worksheets/sheet1.xml: S!A11: the workbook has more than 10 cells");
    }
    SUBCASE("too many entries") {
        test::ZipMembers members;
        for (int i = 0; i < 20; ++i) members.emplace_back("f" + std::to_string(i), "x");
        Limits limits;
        limits.zip.max_entries = 10;
        auto book = read_workbook(test::make_zip(members, false), {}, limits);
        REQUIRE_FALSE(book.ok());
        CHECK(book.error().message == "has 20 entries, more than the 10 a workbook may have");
    }
}

} // namespace podium::sync::xlsx

// Workbooks for the tests, written part by part: a zip of the given members (through libzip, as
// real workbooks are zips), and a minimal .xlsx from sheets given as rows of cells in the
// spreadsheet's own XML, so each test can say exactly which cell types and styles it reads.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace podium::test {

using ZipMembers = std::vector<std::pair<std::string, std::string>>; // name, content
// compress: deflate (as spreadsheet programs do) or store.
std::string make_zip(const ZipMembers& members, bool compress = true);

struct XlsxSheet {
    std::string name;
    std::string sheet_data; // the inside of <sheetData>: <row r="1"><c r="A1" t="inlineStr">...
};
struct XlsxParts {
    std::vector<XlsxSheet> sheets;
    std::vector<std::string> shared_strings; // plain texts of <si><t>
    std::string num_fmts;                    // the inside of <numFmts>
    std::vector<int> cell_xfs;               // each cell format's numFmtId, s="0" the first
    bool date1904 = false;
};
ZipMembers xlsx_members(const XlsxParts& parts);
std::string make_xlsx(const XlsxParts& parts);

// Cell XML helpers: an inline string, a number, a shared string index, with an optional style.
std::string inline_cell(const std::string& ref, const std::string& text);
std::string number_cell(const std::string& ref, const std::string& number, int style = -1);

} // namespace podium::test

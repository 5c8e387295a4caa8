#include "xlsx_builder.hpp"

#include "temp_dir.hpp"

#include <zip.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace podium::test {
namespace {

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

} // namespace

std::string make_zip(const ZipMembers& members, bool compress) {
    TempDir dir;
    const std::string path = dir.file("out.zip");
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip) throw std::runtime_error("zip_open failed");
    for (const auto& [name, content] : members) {
        zip_source_t* src = zip_source_buffer(zip, content.data(), content.size(), 0);
        const zip_int64_t index = zip_file_add(zip, name.c_str(), src, ZIP_FL_ENC_UTF_8);
        if (index < 0) throw std::runtime_error("zip_file_add failed");
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index),
                                 compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
    }
    if (zip_close(zip) != 0) throw std::runtime_error("zip_close failed");
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

ZipMembers xlsx_members(const XlsxParts& parts) {
    ZipMembers m;
    std::string types = R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>)";
    m.emplace_back("[Content_Types].xml", types);
    m.emplace_back("_rels/.rels",
                   std::string(R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type=")") +
                       kRel + R"(/officeDocument" Target="xl/workbook.xml"/></Relationships>)");
    std::string book = std::string(R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns=")") +
                       kMain + R"(" xmlns:r=")" + kRel + R"(">)";
    if (parts.date1904) book += R"(<workbookPr date1904="1"/>)";
    book += "<sheets>";
    std::string rels = R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
    for (std::size_t i = 0; i < parts.sheets.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        book += "<sheet name=\"" + escape(parts.sheets[i].name) + "\" sheetId=\"" + n +
                "\" r:id=\"rId" + n + "\"/>";
        rels += std::string("<Relationship Id=\"rId") + n + "\" Type=\"" + kRel +
                "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
        m.emplace_back("xl/worksheets/sheet" + n + ".xml",
                       std::string(R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns=")") +
                           kMain + "\"><sheetData>" + parts.sheets[i].sheet_data +
                           "</sheetData></worksheet>");
    }
    book += "</sheets></workbook>";
    rels += std::string("<Relationship Id=\"rIdS\" Type=\"") + kRel +
            "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    rels += std::string("<Relationship Id=\"rIdT\" Type=\"") + kRel +
            "/styles\" Target=\"styles.xml\"/></Relationships>";
    m.emplace_back("xl/workbook.xml", book);
    m.emplace_back("xl/_rels/workbook.xml.rels", rels);
    std::string sst = std::string(R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns=")") + kMain +
                      "\" count=\"" + std::to_string(parts.shared_strings.size()) + "\">";
    for (const auto& s : parts.shared_strings) sst += "<si><t>" + escape(s) + "</t></si>";
    m.emplace_back("xl/sharedStrings.xml", sst + "</sst>");
    std::string styles = std::string(R"(<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns=")") +
                         kMain + "\"><numFmts>" + parts.num_fmts +
                         "</numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>";
    for (int id : parts.cell_xfs) styles += "<xf numFmtId=\"" + std::to_string(id) + "\"/>";
    m.emplace_back("xl/styles.xml", styles + "</cellXfs></styleSheet>");
    return m;
}

std::string make_xlsx(const XlsxParts& parts) {
    return make_zip(xlsx_members(parts));
}

std::string inline_cell(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + escape(text) + "</t></is></c>";
}

std::string number_cell(const std::string& ref, const std::string& number, int style) {
    return "<c r=\"" + ref + "\"" + (style >= 0 ? " s=\"" + std::to_string(style) + "\"" : "") +
           "><v>" + number + "</v></c>";
}

} // namespace podium::test

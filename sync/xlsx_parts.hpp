// The XML parts of a workbook as expat handlers (used by xlsx_workbook.cpp only): relationships,
// the workbook's sheet list, the styles' number formats, the shared strings, and a worksheet's
// cells. Each handler keeps only what a feed needs and checks the counts of xlsx::Limits.
#pragma once

#include "sync/xlsx_cells.hpp"
#include "sync/xml_stream.hpp"

#include <map>
#include <string>
#include <vector>

namespace podium::sync::xlsx {

struct Relationship {
    std::string id, type, target;
};

class RelsHandler : public XmlHandler {
  public:
    std::vector<Relationship> relationships;
    void start(std::string_view name, const XmlAttributes& a, std::size_t depth) override;
    void end(std::string_view, std::size_t) override {}
    void text(std::string_view) override {}
};

struct SheetEntry {
    std::string name, relationship;
};

class WorkbookHandler : public XmlHandler {
  public:
    WorkbookHandler(XmlStream*& stream, std::size_t max_sheets)
        : stream_(stream), max_sheets_(max_sheets) {}
    bool date1904 = false;
    std::vector<SheetEntry> sheets;
    void start(std::string_view name, const XmlAttributes& a, std::size_t depth) override;
    void end(std::string_view, std::size_t) override {}
    void text(std::string_view) override {}

  private:
    XmlStream*& stream_;
    std::size_t max_sheets_;
};

// Which cell formats (the s attribute of a cell: an index of cellXfs) show dates.
class StylesHandler : public XmlHandler {
  public:
    std::vector<bool> date_styles;
    void start(std::string_view name, const XmlAttributes& a, std::size_t depth) override;
    void end(std::string_view name, std::size_t depth) override;
    void text(std::string_view) override {}
    void finish(); // resolves each format's number format into date_styles

  private:
    std::map<int, std::string> codes_; // custom number formats by id
    std::vector<int> format_of_xf_;
    std::size_t cell_xfs_depth_ = 0; // the depth of the open cellXfs element, 0: none
};

class SharedStringsHandler : public XmlHandler {
  public:
    SharedStringsHandler(XmlStream*& stream, Workbook& book, const Limits& limits)
        : stream_(stream), book_(book), limits_(limits) {}
    std::size_t count = 0;
    void start(std::string_view name, const XmlAttributes& a, std::size_t depth) override;
    void end(std::string_view name, std::size_t depth) override;
    void text(std::string_view piece) override;

  private:
    XmlStream*& stream_;
    Workbook& book_;
    const Limits& limits_;
    std::string current_;
    bool in_item_ = false, in_text_ = false;
    int in_phonetic_ = 0; // <rPh>: a reading aid for East Asian text, not part of the value
};

class SheetHandler : public XmlHandler {
  public:
    SheetHandler(XmlStream*& stream, Workbook& book, Sheet& sheet, const Limits& limits,
                 const std::vector<bool>& date_styles, std::size_t shared_strings,
                 std::size_t& cells_read)
        : stream_(stream), book_(book), sheet_(sheet), limits_(limits), date_styles_(date_styles),
          shared_strings_(shared_strings), cells_read_(cells_read) {}
    void start(std::string_view name, const XmlAttributes& a, std::size_t depth) override;
    void end(std::string_view name, std::size_t depth) override;
    void text(std::string_view piece) override;

  private:
    void start_row(const XmlAttributes& a);
    void start_cell(const XmlAttributes& a);
    void finish_cell();
    bool fail_at(const std::string& problem);

    XmlStream*& stream_;
    Workbook& book_;
    Sheet& sheet_;
    const Limits& limits_;
    const std::vector<bool>& date_styles_;
    std::size_t shared_strings_;
    std::size_t& cells_read_;

    std::uint32_t row_ = 0, column_ = 0;
    std::string type_;
    std::size_t style_ = 0;
    std::string value_;
    bool in_cell_ = false, in_value_ = false, in_inline_ = false, in_text_ = false,
         has_value_ = false;
    int in_phonetic_ = 0;
};

} // namespace podium::sync::xlsx

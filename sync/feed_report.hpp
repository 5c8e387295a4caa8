// What reading a feed found besides the feed itself, for `podium feed check`: every problem (up
// to a limit, where the container allows going on past one), and which of the file's columns
// were read and which ignored.
#pragma once

#include <string>
#include <vector>

namespace podium::sync {

struct TableLayout {
    std::string name;                 // "Monthly" (a sheet), "the file" (CSV)
    std::vector<std::string> used;    // the file's column names that Podium read
    std::vector<std::string> ignored; // the file's column names that mean nothing to Podium
};

struct FeedReport {
    std::vector<std::string> problems;       // the first is the one a sync would report
    std::vector<TableLayout> tables;         // in the file's order
    std::vector<std::string> ignored_sheets; // a workbook's sheets that hold no part of the feed
};

} // namespace podium::sync

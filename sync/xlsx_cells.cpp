#include "xlsx_cells.hpp"

#include <cmath>

namespace podium::sync::xlsx {

std::string_view Workbook::text(const Cell& cell) const {
    if (cell.text >= spans_.size()) return {};
    const auto [offset, length] = spans_[cell.text];
    return std::string_view(pool_).substr(offset, length);
}

std::uint32_t Workbook::add_text(std::string_view s) {
    spans_.emplace_back(static_cast<std::uint32_t>(pool_.size()), static_cast<std::uint32_t>(s.size()));
    pool_.append(s);
    return static_cast<std::uint32_t>(spans_.size() - 1);
}

std::string cell_ref(std::uint32_t row, std::uint32_t column) {
    std::string letters;
    for (std::uint32_t c = column; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row);
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_cell_ref(std::string_view ref) {
    std::size_t i = 0;
    if (i < ref.size() && ref[i] == '$') ++i;
    std::uint32_t column = 0;
    const std::size_t letters_from = i;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
        column = column * 26 + static_cast<std::uint32_t>(ref[i] - 'A' + 1);
        if (column > 16'384) return std::nullopt; // XFD
    }
    if (i == letters_from) return std::nullopt;
    if (i < ref.size() && ref[i] == '$') ++i;
    std::uint32_t row = 0;
    const std::size_t digits_from = i;
    for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9'; ++i) {
        row = row * 10 + static_cast<std::uint32_t>(ref[i] - '0');
        if (row > 1'048'576) return std::nullopt;
    }
    if (i == digits_from || i != ref.size() || row == 0) return std::nullopt;
    return std::pair{column, row};
}

namespace {
// Howard Hinnant's civil_from_days: days since 1970-01-01 to a proleptic Gregorian date.
model::Date civil_from_days(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1;
    const long long m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(yoe + era * 400 + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}
} // namespace

std::optional<model::Date> serial_to_date(double serial, bool date1904) {
    if (!std::isfinite(serial) || serial < 0 || serial > 3'000'000) return std::nullopt;
    const auto day = static_cast<long long>(std::floor(serial));
    long long days_since_1970;
    if (date1904) {
        days_since_1970 = day - 24107; // 1904-01-01 is 24,107 days before 1970-01-01
    } else {
        if (day == 60 || day == 0) return std::nullopt; // 1900-02-29 and 1900-01-00 are no dates
        days_since_1970 = (day < 60 ? day + 1 : day) - 25569; // 25569: 1970-01-01's serial
    }
    const model::Date d = civil_from_days(days_since_1970);
    if (d.year < 1900 || d.year > 9999) return std::nullopt;
    return d;
}

bool is_date_format(int id, std::string_view code) {
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return true;
    if (id < 164 && code.empty()) return false; // the other builtin formats: numbers and times
    bool day_or_year = false, month_or_minute = false, time = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == ';') break; // the first section decides
        if (c == '"') {
            const auto close = code.find('"', i + 1);
            if (close == std::string_view::npos) break;
            i = close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i; // an escaped character, or a padding character
        } else if (c == '[') {
            const auto close = code.find(']', i + 1);
            if (close == std::string_view::npos) break;
            const std::string_view inside = code.substr(i + 1, close - i - 1);
            if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H' || inside[0] == 'm' ||
                                    inside[0] == 'M' || inside[0] == 's' || inside[0] == 'S'))
                time = true; // [h]:mm, an elapsed time
            i = close;
        } else {
            const char l = static_cast<char>(c | 0x20);
            if (l == 'd' || l == 'y') day_or_year = true;
            if (l == 'm') month_or_minute = true;
            if (l == 'h' || l == 's') time = true;
        }
    }
    return day_or_year || (month_or_minute && !time);
}

} // namespace podium::sync::xlsx

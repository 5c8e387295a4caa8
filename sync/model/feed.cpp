#include "feed.hpp"

#include <openssl/evp.h>

#include <cassert>
#include <cstdio>

namespace podium::model {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

} // namespace

std::optional<YearMonth> parse_year_month(std::string_view t) {
    YearMonth ym;
    if (t.size() != 7 || t[4] != '-' || !digits(t, 0, 4, ym.year) || !digits(t, 5, 2, ym.month))
        return std::nullopt;
    if (ym.month < 1 || ym.month > 12) return std::nullopt;
    return ym;
}

std::optional<Date> parse_date(std::string_view t) {
    Date d;
    if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !digits(t, 0, 4, d.year) ||
        !digits(t, 5, 2, d.month) || !digits(t, 8, 2, d.day))
        return std::nullopt;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    return d;
}

std::string format_year_month(YearMonth ym) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", ym.year % 10000, ym.month % 100);
    return buf;
}

std::string format_date(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
    return buf;
}

bool is_rfc3339_date_time(std::string_view t) {
    // YYYY-MM-DD('T'|'t'|' ')HH:MM:SS[.frac](Z|z|+HH:MM|-HH:MM)
    if (t.size() < 20 || !parse_date(t.substr(0, 10))) return false;
    if (t[10] != 'T' && t[10] != 't' && t[10] != ' ') return false;
    int h = 0, m = 0, s = 0;
    if (!digits(t, 11, 2, h) || t[13] != ':' || !digits(t, 14, 2, m) || t[16] != ':' ||
        !digits(t, 17, 2, s))
        return false;
    if (h > 23 || m > 59 || s > 60) return false; // 60: a leap second
    std::size_t i = 19;
    if (i < t.size() && t[i] == '.') {
        ++i;
        const std::size_t start = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9')
            ++i;
        if (i == start) return false;
    }
    if (i >= t.size()) return false;
    if ((t[i] == 'Z' || t[i] == 'z') && i + 1 == t.size()) return true;
    int oh = 0, om = 0;
    return (t[i] == '+' || t[i] == '-') && t.size() == i + 6 && digits(t, i + 1, 2, oh) &&
           t[i + 3] == ':' && digits(t, i + 4, 2, om) && oh <= 23 && om <= 59;
}

std::string photo_file_name(std::string_view id) {
    // SHA-256 in hex: 68 bytes whatever the id (its hex grew to 512 bytes for 64 four-byte
    // characters, past the 255 a file name may have), and no id can name another's file.
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    [[maybe_unused]] const int ok =
        EVP_Digest(id.data(), id.size(), digest, &length, EVP_sha256(), nullptr);
    assert(ok == 1 && length == 32);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 15];
    }
    return out + ".img";
}

std::optional<Metric> parse_metric(std::string_view name) {
    for (std::size_t i = 0; i < kMetricNames.size(); ++i)
        if (kMetricNames[i] == name) return static_cast<Metric>(i);
    return std::nullopt;
}

std::string_view metric_name(Metric m) {
    return kMetricNames[static_cast<std::size_t>(m)];
}

} // namespace podium::model

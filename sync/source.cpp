#include "source.hpp"

#include <cctype>
#include <regex>

namespace podium::sync {

namespace {

bool is_password_key(std::string_view key) {
    // libpq's keywords are case-sensitive, but "PASSWORD=" is still somebody's password.
    if (key.size() != 8) return false;
    for (std::size_t i = 0; i < 8; ++i)
        if ((key[i] | 0x20) != "password"[i]) return false;
    return true;
}

// postgresql://user:secret@host/db?password=x -> postgresql://user:***@host/db?password=***.
// Credentials end at the first '@' before any '/', as libpq reads them.
std::string redact_uri(std::string s) {
    const std::size_t start = s.find("://") + 3;
    const std::size_t end = s.find_first_of("@/", start);
    if (end != std::string::npos && s[end] == '@') {
        const std::size_t colon = s.find(':', start);
        if (colon < end) s.replace(colon + 1, end - colon - 1, "***");
    }
    for (std::size_t at = s.find('?'); at != std::string::npos; at = s.find('&', at + 1)) {
        if (!is_password_key(std::string_view(s).substr(at + 1, 8)) ||
            s.compare(at + 9, 1, "=") != 0)
            continue;
        const std::size_t value = at + 10;
        s.replace(value, std::min(s.find('&', value), s.size()) - value, "***");
    }
    return s;
}

} // namespace

std::string redact_password(std::string_view text) {
    if (text.find("://") != std::string_view::npos) return redact_uri(std::string(text));
    // key=value form: password=secret or password='se cret'
    static const std::regex kv(R"((password\s*=\s*)('[^']*'|\S+))", std::regex::icase);
    return std::regex_replace(std::string(text), kv, "$1***");
}

std::string Source::display() const { return redact_password(text); }

Result<Source> parse_source(std::string_view text) {
    const std::string t(text);
    if (t.empty()) return Error{"source: empty; expected a URL, sqlite:///path, postgresql://… or a file path"};
    // URL schemes are case-insensitive (RFC 3986 3.1): "HTTPS://" and "PostgreSQL://" are fine.
    // The location gets the scheme in lower case, as libpq and curl are sure to take it.
    const std::size_t scheme_end = t.find("://");
    std::string url = t;
    if (scheme_end != std::string::npos)
        for (std::size_t i = 0; i < scheme_end; ++i)
            url[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(url[i])));
    auto starts = [&](std::string_view p) {
        return url.size() > p.size() && url.compare(0, p.size(), p) == 0;
    };
    if (starts("http://") || starts("https://")) return Source{SourceKind::url, url, t};
    if (starts("sqlite://")) {
        const std::string path = t.substr(9);
        if (path.empty() || path[0] != '/')
            return Error{"source " + t + ": expected sqlite:///absolute/path.db (three slashes)"};
        return Source{SourceKind::sqlite, path, t};
    }
    if (starts("postgresql://") || starts("postgres://"))
        return Source{SourceKind::postgres, url, t};
    if (starts("file://")) {
        const std::string path = t.substr(7);
        if (path.empty() || path[0] != '/')
            return Error{"source " + t + ": expected file:///absolute/path (three slashes)"};
        return Source{SourceKind::file, path, t};
    }
    if (t.find("://") != std::string::npos)
        return Error{"source " + redact_password(t) +
                     ": unsupported scheme; expected http(s)://, sqlite://, postgresql:// or file://"};
    return Source{SourceKind::file, t, t};
}

} // namespace podium::sync

#include "source.hpp"

#include <regex>

namespace podium::sync {

std::string redact_password(std::string_view text) {
    std::string s(text);
    // URI form: scheme://user:password@host
    static const std::regex uri(R"(^([a-zA-Z][a-zA-Z0-9+.-]*://[^/:@]*):[^@/]*@)");
    s = std::regex_replace(s, uri, "$1:***@");
    // key=value form: password=secret or password='se cret'
    static const std::regex kv(R"((password\s*=\s*)('[^']*'|\S+))", std::regex::icase);
    return std::regex_replace(s, kv, "$1***");
}

std::string Source::display() const { return redact_password(text); }

Result<Source> parse_source(std::string_view text) {
    const std::string t(text);
    if (t.empty()) return Error{"source: empty; expected a URL, sqlite:///path, postgresql://… or a file path"};
    auto starts = [&](std::string_view p) { return t.size() > p.size() && t.compare(0, p.size(), p) == 0; };
    if (starts("http://") || starts("https://")) return Source{SourceKind::url, t, t};
    if (starts("sqlite://")) {
        const std::string path = t.substr(9);
        if (path.empty() || path[0] != '/')
            return Error{"source " + t + ": expected sqlite:///absolute/path.db (three slashes)"};
        return Source{SourceKind::sqlite, path, t};
    }
    if (starts("postgresql://") || starts("postgres://")) return Source{SourceKind::postgres, t, t};
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

// Where a feed comes from: a URL (JSON or CSV over HTTP(S)), an SQLite file, a PostgreSQL server,
// or a local file (feed-format.md, "Sources").
#pragma once

#include "sync/model/result.hpp"

#include <string>
#include <string_view>

namespace podium::sync {

enum class SourceKind { url, sqlite, postgres, file };

struct Source {
    SourceKind kind = SourceKind::file;
    std::string location; // the URL, the file path, or the PostgreSQL conninfo
    std::string text; // as given, for settings and records

    // For messages and logs: the source with any password replaced by ***.
    std::string display() const;
};

// "https://…", "http://…", "sqlite:///path", "postgresql://…" or "postgres://…",
// "file:///path", or a plain path. The "demo" source is not parsed here.
Result<Source> parse_source(std::string_view text);

// postgresql://user:secret@host/db -> postgresql://user:***@host/db; password=secret -> password=***
std::string redact_password(std::string_view text);

} // namespace podium::sync

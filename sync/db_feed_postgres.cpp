// Reading the feed's tables from PostgreSQL: one REPEATABLE READ READ ONLY transaction, bounded
// in time, and messages that never show the password.
#include "sync/db_feed.hpp"
#include "sync/source.hpp"

#include "sync/model/c_handle.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <string>
#include <utility>

namespace podium::sync {
namespace {

using PgConn = CHandle<PGconn, PQfinish>;
using PgResult = CHandle<PGresult, PQclear>;
using ConninfoOptions = CHandle<PQconninfoOption, PQconninfoFree>;

// Type OIDs are fixed in PostgreSQL's catalog (pg_type.dat); libpq does not export them.
enum Oid : ::Oid {
    kBool = 16,
    kBytea = 17,
    kInt8 = 20,
    kInt2 = 21,
    kInt4 = 23,
    kOid = 26,
    kFloat4 = 700,
    kFloat8 = 701,
    kDate = 1082,
    kTimestampTz = 1184,
    kNumeric = 1700,
};

// The first failure ends the read; it never leaves this file.
struct PgError {
    std::string message;
};

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool is_uri(std::string_view s) {
    return starts_with(s, "postgresql://") || starts_with(s, "postgres://");
}

bool is_password_key(std::string_view key) {
    // libpq's keywords are case-sensitive, but "PASSWORD=" is still somebody's password.
    if (key.size() != 8) return false;
    for (std::size_t i = 0; i < 8; ++i)
        if ((key[i] | 0x20) != "password"[i]) return false;
    return true;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// host=db password='se cret' -> host=db password=***, following libpq's rules for values
// (quoted with '...' or up to a blank, backslash escaping). Past anything it cannot parse, the
// rest is cut: it might hold the password.
std::string redact_key_values(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t key_start = i;
        while (i < s.size() && s[i] != '=' && !is_space(s[i]))
            ++i;
        const std::string_view key = s.substr(key_start, i - key_start);
        while (i < s.size() && is_space(s[i]))
            ++i;
        if (key.empty() || i == s.size() || s[i] != '=') return out + "…";
        ++i;
        while (i < s.size() && is_space(s[i]))
            ++i;
        const std::size_t value_start = i;
        const bool quoted = i < s.size() && s[i] == '\'';
        if (quoted) ++i;
        while (i < s.size() && (quoted ? s[i] != '\'' : !is_space(s[i])))
            i += s[i] == '\\' ? 2 : 1;
        if (quoted && i >= s.size()) return out + std::string(key) + "=…";
        if (quoted) ++i;
        i = std::min(i, s.size());
        out += std::string(key) + "=" +
               (is_password_key(key) ? "***" : std::string(s.substr(value_start, i - value_start)));
        while (i < s.size() && is_space(s[i]))
            ++i;
        if (i < s.size()) out += ' ';
    }
    return out;
}

std::string redact_conninfo(std::string_view conninfo) {
    return is_uri(conninfo) ? redact_password(conninfo) : redact_key_values(conninfo);
}

// Every occurrence of the password, wherever it came from, replaced by ***.
std::string scrub(std::string text, const std::string& password) {
    for (std::size_t at = 0; !password.empty() && (at = text.find(password, at)) != text.npos;)
        text.replace(at, password.size(), "***");
    return text;
}

// libpq's messages run over several lines ("...failed: Connection refused\n\tIs the server
// running..."); ours are one line: "...Connection refused. Is the server running...". The password
// is scrubbed again in case a message quotes it.
std::string clean_message(std::string_view message, const std::string& password) {
    std::string out;
    bool blank = false, line_break = false;
    for (const char c : message) {
        if (is_space(c)) {
            blank = true;
            line_break = line_break || c == '\n';
            continue;
        }
        if (blank && !out.empty()) {
            const char last = out.back();
            out += line_break && last != '.' && last != ':' && last != '?' ? ". " : " ";
        }
        out += c;
        blank = line_break = false;
    }
    return scrub(std::move(out), password);
}

// A malformed conninfo's message may quote any part of it, the password included: keep libpq's
// words, drop what they quote.
std::string without_quotes(std::string_view message) {
    std::string out;
    bool inside = false;
    for (const char c : message) {
        if (c == '"') {
            out += inside ? "…\"" : "\"";
            inside = !inside;
        } else if (!inside) {
            out += c;
        }
    }
    return out;
}

// The conninfo's password, as libpq decodes it, to scrub from messages. Throws PgError when the
// conninfo cannot be parsed (libpq's own test for "is this a connection string" decides).
std::string password_of(const std::string& conninfo) {
    if (!is_uri(conninfo) && conninfo.find('=') == std::string::npos) return {};
    char* error = nullptr;
    const ConninfoOptions options(PQconninfoParse(conninfo.c_str(), &error));
    if (!options) {
        const std::string why = error ? clean_message(without_quotes(error), "") : "out of memory";
        PQfreemem(error);
        throw PgError{"cannot connect: invalid connection string: " + why};
    }
    for (const PQconninfoOption* o = options.get(); o->keyword; ++o)
        if (std::string_view(o->keyword) == "password" && o->val) return o->val;
    return {};
}

PgConn connect(const std::string& conninfo, const std::string& password) {
    // Entries before dbname are defaults the conninfo may override (libpq's expand_dbname rule);
    // client_encoding after it is ours: every cell must arrive as UTF-8. Keepalives notice a
    // server that vanished mid-read, which statement_timeout (run by the server) cannot.
    const char* const keys[] = {"connect_timeout",
                                "keepalives",
                                "keepalives_idle",
                                "keepalives_interval",
                                "keepalives_count",
                                "fallback_application_name",
                                "dbname",
                                "client_encoding",
                                nullptr};
    const char* const values[] = {"10",   "1",    "10", "5", "3", "podium", conninfo.c_str(),
                                  "UTF8", nullptr};
    PgConn conn(PQconnectdbParams(keys, values, /*expand_dbname=*/1));
    if (!conn) throw PgError{"cannot connect: out of memory"};
    if (PQstatus(conn.get()) != CONNECTION_OK)
        throw PgError{"cannot connect: " + clean_message(PQerrorMessage(conn.get()), password)};
    return conn;
}

PgResult run(PGconn* conn, const std::string& sql, const std::string& what,
             const std::string& password) {
    PgResult result(PQexec(conn, sql.c_str()));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
    if (PQstatus(conn) == CONNECTION_BAD)
        throw PgError{"connection lost while reading " + what + ": " +
                      clean_message(PQerrorMessage(conn), password)};
    const char* primary =
        result ? PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    throw PgError{what + ": " + clean_message(primary ? primary : PQerrorMessage(conn), password)};
}

// "2026-11-01 07:00:00+00" (ISO style, UTC) -> "2026-11-01T07:00:00+00:00".
std::string rfc3339(const std::string& in) {
    // Built anew rather than edited in place: GCC 12 at -O2 warns (wrongly) that indexing a
    // by-value string parameter may read uninitialised bytes.
    std::string text =
        in.size() > 10 && in.compare(10, 1, " ") == 0 ? in.substr(0, 10) + "T" + in.substr(11) : in;
    const std::size_t sign = text.find_last_of("+-");
    if (sign != std::string::npos && sign > 10 && text.size() - sign == 3) text += ":00";
    return text;
}

db::Cell read_cell(const PGresult* result, int row, int col, ::Oid type) {
    db::Cell cell;
    if (PQgetisnull(result, row, col)) return cell;
    cell.text.assign(PQgetvalue(result, row, col),
                     static_cast<std::size_t>(PQgetlength(result, row, col)));
    const char* end = cell.text.data() + cell.text.size();
    switch (type) {
    case kBool:
        cell.type = db::CellType::boolean;
        cell.integer = cell.text == "t" ? 1 : 0;
        break;
    case kInt2:
    case kInt4:
    case kInt8:
    case kOid:
        cell.type = std::from_chars(cell.text.data(), end, cell.integer).ptr == end
                        ? db::CellType::integer
                        : db::CellType::numeric;
        break;
    case kFloat4:
    case kFloat8: // extra_float_digits = 1: the shortest text that reads back as the same value
        // NaN and Infinity read too; validate_feed refuses them with their name.
        cell.type = std::from_chars(cell.text.data(), end, cell.real).ptr == end
                        ? db::CellType::real
                        : db::CellType::numeric;
        break;
    case kNumeric: // kept as text: 18500.07 stays exact
        cell.type = db::CellType::numeric;
        break;
    case kDate:
        cell.type = db::CellType::date;
        break;
    case kTimestampTz:
        cell.type = db::CellType::timestamp_tz;
        cell.text = rfc3339(std::move(cell.text));
        break;
    case kBytea:
        cell.type = db::CellType::blob;
        break;
    default: // text, varchar, char, uuid, citext, json, ...: what the server writes for them
        cell.type = db::CellType::text;
        break;
    }
    return cell;
}

db::Table read_table(PGconn* conn, std::string_view name, const std::string& password) {
    const std::string what = "table \"" + std::string(name) + "\"";
    // LIMIT one more than allowed: enough to tell "too many" without reading them all.
    const PgResult result =
        run(conn, "SELECT * FROM " + std::string(name) + " LIMIT " + std::to_string(kMaxRows + 1),
            what, password);
    const PGresult* r = result.get();
    if (static_cast<std::size_t>(PQntuples(r)) > kMaxRows)
        throw PgError{what + ": more than " + std::to_string(kMaxRows) + " rows"};
    db::Table table;
    const int columns = PQnfields(r);
    for (int c = 0; c < columns; ++c)
        table.columns.emplace_back(PQfname(r, c));
    table.rows.resize(static_cast<std::size_t>(PQntuples(r)));
    for (int row = 0; row < PQntuples(r); ++row)
        for (int c = 0; c < columns; ++c)
            table.rows[static_cast<std::size_t>(row)].push_back(
                read_cell(r, row, c, PQftype(r, c)));
    return table;
}

db::Tables read_tables(PGconn* conn, const std::string& password) {
    // One snapshot for all five reads: a writer's commit between them cannot produce a mix.
    // Fixed output styles, so dates, timestamps and reals read the same from every server.
    run(conn,
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; "
        "SET LOCAL statement_timeout = '" +
            std::to_string(kReadTimeout.count()) +
            "s'; "
            "SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL TimeZone = 'UTC'; "
            "SET LOCAL extra_float_digits = 1",
        "starting the read transaction", password);
    std::string exists_sql = "SELECT";
    for (std::size_t t = 0; t < db::kTableNames.size(); ++t)
        exists_sql += std::string(t ? "," : "") + " to_regclass('" +
                      std::string(db::kTableNames[t]) + "') IS NOT NULL";
    const PgResult exists = run(conn, exists_sql, "looking up the tables", password);
    db::Tables tables;
    for (std::size_t t = 0; t < db::kTableNames.size(); ++t)
        if (std::string_view(PQgetvalue(exists.get(), 0, static_cast<int>(t))) == "t")
            tables[t] = read_table(conn, db::kTableNames[t], password);
    run(conn, "COMMIT", "ending the read transaction", password);
    return tables;
}

} // namespace

podium::Result<model::Feed> read_postgres_feed(const std::string& conninfo) {
    std::string source = redact_conninfo(conninfo);
    db::Tables tables;
    try {
        const std::string password = password_of(conninfo);
        source = scrub(std::move(source), password); // a spelling the redaction did not expect
        const PgConn conn = connect(conninfo, password);
        tables = read_tables(conn.get(), password); // on a throw, closing the connection aborts
    } catch (const PgError& e) {
        return Error{source + ": " + e.message};
    }
    auto feed = db::feed_from_tables(std::move(tables));
    if (!feed) return Error{source + ": " + feed.error().message};
    return feed;
}

} // namespace podium::sync

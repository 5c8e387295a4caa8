// The store's journals for people: the audit log of settings changes (who changed what, from which
// value to which, when) and the play log (which slide went on screen, when, on which data). Both
// are rings, like the log: a screen that runs for years keeps the recent past, not all of it.
#include "sqlite.hpp"
#include "store.hpp"

#include <algorithm>

namespace podium::sync {
namespace {

constexpr int kAuditKeep = 20000;
constexpr int kPlayKeep = 50000; // about a month of 8-second slides, 10 hours a day

constexpr const char* kUpsertSetting = "INSERT INTO settings VALUES (?1, ?2, ?3) ON CONFLICT (key) "
                                       "DO UPDATE SET value = ?2, updated_at = ?3";

void bind_optional(Statement& st, int index, const std::optional<std::string>& v) {
    if (v)
        st.bind(index, *v);
    else
        st.bind_null(index);
}

std::optional<std::string> optional_text(const Statement& st, int col) {
    if (st.is_null(col)) return std::nullopt;
    return st.get_text(col);
}

} // namespace

Status Store::set_settings_audited(const std::vector<std::pair<std::string, std::string>>& entries,
                                   const std::string& at, const std::string& actor,
                                   const std::vector<std::string>& secret_keys) {
    try {
        Transaction tx(db_.get());
        Statement read(db_.get(), "SELECT value FROM settings WHERE key = ?");
        Statement write(db_.get(), kUpsertSetting);
        Statement audit(db_.get(), "INSERT INTO audit_log (at, actor, key, old_value, new_value) "
                                   "VALUES (?,?,?,?,?)");
        for (const auto& [key, value] : entries) {
            read.bind(1, key);
            std::optional<std::string> old;
            if (read.step()) old = read.get_text(0);
            read.reset();
            if (old == value) continue;
            write.bind(1, key).bind(2, value).bind(3, at).run();
            const bool secret =
                std::find(secret_keys.begin(), secret_keys.end(), key) != secret_keys.end();
            audit.bind(1, at).bind(2, actor).bind(3, key);
            const std::optional<std::string> hidden("(hidden)");
            bind_optional(audit, 4, secret && old ? hidden : old);
            bind_optional(audit, 5, secret ? hidden : std::optional<std::string>(value));
            audit.run();
        }
        Statement trim(db_.get(),
                       "DELETE FROM audit_log WHERE id <= (SELECT MAX(id) FROM audit_log) - ?");
        trim.bind(1, kAuditKeep).run();
        tx.commit();
    } catch (const SqlError& e) {
        return Error{std::string("store: saving settings failed, none were changed: ") + e.what()};
    }
    return Ok{};
}

std::vector<AuditEntry> Store::recent_audit(int limit) const {
    std::vector<AuditEntry> out;
    try {
        Statement st(db_.get(), "SELECT at, actor, key, old_value, new_value FROM audit_log "
                                "ORDER BY id DESC LIMIT ?");
        st.bind(1, limit);
        while (st.step())
            out.push_back({st.get_text(0), st.get_text(1), st.get_text(2), optional_text(st, 3),
                           optional_text(st, 4)});
    } catch (const SqlError&) {
        // An unreadable journal shows as empty; it never takes the overlay down.
    }
    return out;
}

void Store::record_play(const PlayEntry& e) {
    try {
        Statement st(db_.get(),
                     "INSERT INTO play_log (at, slide, audience, data_version) VALUES (?,?,?,?)");
        st.bind(1, e.at).bind(2, e.slide).bind(3, e.audience).bind(4, e.data_version).run();
        Statement trim(db_.get(),
                       "DELETE FROM play_log WHERE id <= (SELECT MAX(id) FROM play_log) - ?");
        trim.bind(1, kPlayKeep).run();
    } catch (const SqlError&) {
        // Best effort, like the log: a full disk must not stop the screen.
    }
}

std::vector<PlayEntry> Store::recent_plays(int limit) const {
    std::vector<PlayEntry> out;
    try {
        Statement st(db_.get(), "SELECT at, slide, audience, data_version FROM play_log "
                                "ORDER BY id DESC LIMIT ?");
        st.bind(1, limit);
        while (st.step())
            out.push_back({st.get_text(0), st.get_text(1), st.get_text(2), st.get_int(3)});
    } catch (const SqlError&) {
    }
    return out;
}

} // namespace podium::sync

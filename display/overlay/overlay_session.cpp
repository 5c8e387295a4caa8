#include "overlay_session.hpp"

#include "display/scene/schedule_settings.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>

namespace podium::overlay {
namespace {

std::string csv_field(const std::string& v) {
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Writes `text` to `path` through a temporary file and a rename: a reader (or a power cut) sees
// the old file or the new one, never half of one.
Status write_atomically(const std::string& path, const std::string& text, mode_t mode) {
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) return Error{path + ": cannot write it (" + std::strerror(errno) + ")"};
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            return Error{path + ": writing failed (" + why + ")"};
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmp.c_str());
        return Error{path + ": writing failed (" + why + ")"};
    }
    return Ok{};
}

} // namespace

std::set<std::string> managed_keys(const sync::Store& store) {
    std::set<std::string> out;
    const std::string text = store.setting("config.managed_keys").value_or("");
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t comma = std::min(text.find(',', at), text.size());
        if (comma > at) out.insert(text.substr(at, comma - at));
        at = comma + 1;
    }
    return out;
}

std::string log_csv(const sync::Store& store, LogKind kind, int limit) {
    std::string out;
    if (kind == LogKind::audit) {
        out = "at,actor,setting,old_value,new_value\r\n";
        auto rows = store.recent_audit(limit);
        std::reverse(rows.begin(), rows.end());
        for (const auto& r : rows)
            out += csv_field(r.at) + "," + csv_field(r.actor) + "," + csv_field(r.key) + "," +
                   csv_field(r.old_value.value_or("")) + "," + csv_field(r.new_value.value_or("")) + "\r\n";
    } else {
        out = "at,slide,audience,data_version\r\n";
        auto rows = store.recent_plays(limit);
        std::reverse(rows.begin(), rows.end());
        for (const auto& r : rows)
            out += csv_field(r.at) + "," + csv_field(r.slide) + "," + csv_field(r.audience) + "," +
                   std::to_string(r.data_version) + "\r\n";
    }
    return out;
}

OverlaySession::OverlaySession(sync::Store& store, std::string token_path, int pin_iterations)
    : store_(store), token_path_(std::move(token_path)), pin_(store, pin_iterations) {}

Status OverlaySession::save(const SaveSettings& save, const std::set<std::string>& managed,
                            scene::Instant now) {
    auto entries = save.entries;
    for (const auto& [key, value] : entries)
        if (managed.count(key))
            return Error{"not saved: " + key + " is set by the managed config and cannot be changed here"};
    // Checked again as the store will read them: a value the slideshow would refuse is never saved.
    std::map<std::string, std::string> merged(entries.begin(), entries.end());
    auto lookup = [&](const std::string& key) -> std::optional<std::string> {
        if (auto it = merged.find(key); it != merged.end()) return it->second;
        return store_.setting(key);
    };
    std::vector<std::string> problems;
    (void)scene::device_settings(lookup, problems);
    for (const auto& p : problems)
        for (const auto& [key, value] : entries)
            if (p.find("setting " + key + ":") == 0) return Error{"not saved: " + p};
    if (!save.token.empty()) {
        if (save.token.find_first_of("\r\n") != std::string::npos) return Error{"not saved: a token is one line"};
        if (token_path_.empty()) return Error{"not saved: this screen has no place for a token file"};
        if (managed.count("sync.token_file"))
            return Error{"not saved: sync.token_file is set by the managed config"};
        if (auto w = write_atomically(token_path_, save.token + "\n", 0600); !w)
            return Error{"not saved: token file " + w.error().message};
        entries.emplace_back("sync.token_file", token_path_);
        entries.emplace_back("sync.token_set_at", utc_text(now)); // the audit log says when, not what
    }
    return store_.set_settings_audited(entries, utc_text(now), "overlay");
}

Status OverlaySession::export_log(LogKind kind, const std::string& path) const {
    if (path.empty()) return Error{"no export file given"};
    return write_atomically(path, log_csv(store_, kind), 0644);
}

void OverlaySession::run(const std::vector<Action>& actions, AdminOverlay& overlay,
                         const OverlayModel& model, const SessionHooks& hooks) {
    struct Visit {
        OverlaySession& self;
        AdminOverlay& overlay;
        const OverlayModel& model;
        const SessionHooks& hooks;
        void operator()(const VerifyPin& a) { overlay.pin_checked(self.pin_.verify(a.pin, model.now), model); }
        void operator()(const SetPin& a) {
            // Only on first use (no PIN yet): changing a PIN needs `podium admin set-pin`.
            overlay.pin_set(self.pin_.has_pin() ? Status{Error{"a PIN is already set"}}
                                                : self.pin_.set_pin(a.pin, model.now),
                            model);
        }
        void operator()(const SaveSettings& a) {
            const auto status = self.save(a, managed_keys(self.store_), model.now);
            if (status && hooks.saved) hooks.saved();
            overlay.saved(status, model);
        }
        void operator()(const SyncNow&) {
            if (hooks.sync_now)
                hooks.sync_now();
            else
                overlay.say("Sync is off: no source is set.", false);
        }
        void operator()(const TestConnection& a) {
            if (hooks.test_connection) hooks.test_connection(a);
        }
        void operator()(const ExportLog& a) {
            const auto status = self.export_log(a.kind, a.path);
            overlay.say(status ? "Exported to " + a.path : status.error().message, bool(status));
        }
        void operator()(const PreviewPrivacy& a) {
            if (hooks.preview) hooks.preview(a);
        }
        void operator()(const Closed&) {
            if (hooks.closed) hooks.closed();
        }
    };
    for (const auto& action : actions) std::visit(Visit{*this, overlay, model, hooks}, action);
}

} // namespace podium::overlay

#include "overlay_host.hpp"

#include "bootstrap.hpp"
#include "commands.hpp"

#include "sync/syncer.hpp"

#include <imgui.h>

#include <fstream>

namespace podium::app {

std::string format_duration(std::chrono::seconds s) {
    const auto n = s.count();
    if (n >= 86400) return std::to_string(n / 86400) + " d " + std::to_string(n % 86400 / 3600) + " h";
    if (n >= 3600) return std::to_string(n / 3600) + " h " + std::to_string(n % 3600 / 60) + " min";
    if (n >= 60) return std::to_string(n / 60) + " min";
    return std::to_string(n) + " s";
}

std::string memory_text() {
    std::ifstream in("/proc/self/statm");
    long pages = 0, resident = 0;
    if (!(in >> pages >> resident)) return "-";
    const long mib = resident * (::sysconf(_SC_PAGESIZE) / 1024) / 1024;
    return std::to_string(mib) + " MiB resident";
}

overlay::OverlayModel store_model(sync::Store& store, const Device& device, scene::Instant now,
                                  std::vector<sync::AuditEntry>& audit, std::vector<sync::PlayEntry>& plays) {
    overlay::OverlayModel m;
    m.now = now;
    m.zone = &device.zone;
    m.setting = [&store](const std::string& key) { return store.setting(key); };
    m.managed = overlay::managed_keys(store);
    m.managed_file = store.setting("config.file").value_or("");
    overlay::AdminPin pin(store);
    m.has_pin = pin.has_pin();
    m.locked_until = pin.locked_until(now);
    audit = store.recent_audit(200);
    plays = store.recent_plays(200);
    m.audit = &audit;
    m.plays = &plays;
    const std::string dir = store.photo_dir();
    m.export_dir = dir.empty() ? "/tmp" : dir.substr(0, dir.find_last_of('/'));
    auto& st = m.status;
    st.version = PODIUM_VERSION;
    st.memory = memory_text();
    if (auto meta = store.load_meta()) {
        const auto& mv = meta.value();
        st.data_age = mv.is_demo ? "the bundled demo data" : "version " + std::to_string(mv.data_version) + " from " + mv.source + ", applied " + mv.applied_at;
    }
    if (auto attempts = store.recent_attempts(1); !attempts.empty()) {
        const auto& a = attempts.front();
        st.last_sync = a.at + ": " + std::string(sync::outcome_name(a.outcome)) + " (" + a.source + ")";
        st.last_error = a.error;
    } else {
        st.last_sync = store.setting("sync.source").value_or("").empty() ? "no source set" : "none yet";
    }
    st.problems = device.problems;
    return m;
}

OverlayHost::OverlayHost(const FontFiles& fonts, sync::Store& store, std::string token_path)
    : store_(store), ctx_(fonts[0], fonts[2]), session_(store, std::move(token_path)) {}

OverlayHost::~OverlayHost() {
    if (tester_.joinable()) tester_.join();
}

bool OverlayHost::handle(const SDL_Event& e, int width, int height, scene::Instant now) {
    if (!overlay_.is_open()) {
        corner_.on_event(e, width, height, SDL_GetTicks64());
        if (overlay::is_open_shortcut(e)) {
            overlay_.open(now, overlay::AdminPin(store_).has_pin());
            return true;
        }
        return false;
    }
    if (input_.feed(ctx_.io(), e)) {
        overlay_.touched(now);
        return true;
    }
    return false;
}

void OverlayHost::tick(scene::Instant now) {
    if (!overlay_.is_open() && corner_.fired(SDL_GetTicks64()))
        overlay_.open(now, overlay::AdminPin(store_).has_pin());
}

void OverlayHost::frame(int width, int height, overlay::OverlayModel model, const overlay::SessionHooks& hooks) {
    if (!overlay_.is_open()) return;
    model.connection = connection_result();
    const std::uint64_t now_ms = SDL_GetTicks64();
    const float dt = last_frame_ms_ ? static_cast<float>(now_ms - last_frame_ms_) / 1000.0f : 1.0f / 30.0f;
    last_frame_ms_ = now_ms;
    std::vector<overlay::Action> actions;
    ctx_.frame(width, height, dt, [&](ImFont* body, ImFont* heading) {
        overlay_.set_fonts(body, heading);
        actions = overlay_.frame(model);
    });
    input_.after_frame(ctx_.io());
    session_.run(actions, overlay_, model, hooks);
}

void OverlayHost::start_connection_test(const overlay::TestConnection& t, const Device&) {
    if (tester_.joinable()) tester_.join();
    {
        std::lock_guard lock(mutex_);
        connection_ = "...";
    }
    // A throwaway in-memory store: the feed is fetched, parsed, validated and applied there,
    // never to the screen's data.
    std::vector<std::pair<std::string, std::string>> org;
    for (const char* k : {"organisation.name", "organisation.headcount", "organisation.currency",
                          "organisation.goal_percent", "sync.ca_file", "sync.token_file"})
        if (auto v = store_.setting(k)) org.emplace_back(k, *v);
    tester_ = std::thread([this, t, org] {
        std::string result;
        auto scratch = sync::Store::open(":memory:");
        if (!scratch) {
            result = scratch.error().message;
        } else {
            auto& s = scratch.value();
            (void)s.set_settings(org, utc_now_rfc3339());
            (void)s.set_setting("sync.source", t.source, utc_now_rfc3339());
            auto config = sync_config(s, {});
            if (!config) {
                result = config.error().message;
            } else {
                if (!t.token.empty()) config.value().bearer_token = t.token;
                sync::Syncer syncer(s);
                const auto report = syncer.run_once(config.value(), utc_now_rfc3339());
                const auto& a = report.attempt;
                result = a.error.empty() ? "ok: " + std::to_string(a.rows) + " rows read and valid in " +
                                               std::to_string(static_cast<int>(a.seconds * 1000)) + " ms"
                                         : std::string(sync::outcome_name(a.outcome)) + ": " + a.error;
            }
        }
        std::lock_guard lock(mutex_);
        connection_ = result;
    });
}

std::string OverlayHost::connection_result() {
    std::lock_guard lock(mutex_);
    return connection_;
}

} // namespace podium::app

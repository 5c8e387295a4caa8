#include "assets.hpp"

#include "sync/file_read.hpp"

#include <cstdlib>
#include <filesystem>

namespace podium::app {
namespace fs = std::filesystem;

namespace {
constexpr const char* kFontFiles[] = {"fonts/Inter-Regular.otf", "fonts/Inter-SemiBold.otf",
                                      "fonts/Inter-Bold.otf"};
constexpr std::int64_t kMaxFontBytes = 32 << 20;

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}
} // namespace

Result<std::string> find_assets_dir() {
    std::vector<std::string> candidates;
    if (auto e = env("PODIUM_ASSETS"); !e.empty()) candidates.push_back(e);
    std::error_code ec;
    if (auto exe = fs::read_symlink("/proc/self/exe", ec); !ec)
        candidates.push_back((exe.parent_path() / "../share/podium").string());
    candidates.emplace_back(PODIUM_INSTALL_ASSETS);
    candidates.emplace_back(PODIUM_SOURCE_ASSETS);
    for (const auto& dir : candidates)
        if (fs::exists(fs::path(dir) / kFontFiles[0], ec)) return dir;
    std::string tried;
    for (const auto& dir : candidates)
        tried += (tried.empty() ? "" : ", ") + dir;
    return Error{"cannot find Podium's assets (fonts); looked in " + tried + "; set PODIUM_ASSETS"};
}

Result<FontFiles> load_fonts(const std::string& assets_dir) {
    FontFiles fonts;
    for (std::size_t i = 0; i < fonts.size(); ++i) {
        // $PODIUM_ASSETS may point anywhere: a font is a file, and Inter's are 0.3 MiB.
        auto bytes = sync::read_regular_file(assets_dir + "/" + kFontFiles[i], kMaxFontBytes);
        if (!bytes) return Error{"font " + bytes.error().message};
        fonts[i].assign(bytes.value().begin(), bytes.value().end());
    }
    return fonts;
}

Result<FontFiles> load_bundled_fonts() {
    auto dir = find_assets_dir();
    if (!dir) return dir.error();
    return load_fonts(dir.value());
}

std::string default_db_path() {
    if (auto e = env("PODIUM_DB"); !e.empty()) return e;
    return builtin_db_path();
}

std::string builtin_db_path() {
    if (auto e = env("STATE_DIRECTORY"); !e.empty())
        return e + "/podium.db"; // systemd StateDirectory=
    if (auto e = env("XDG_STATE_HOME"); !e.empty()) return e + "/podium/podium.db";
    return env("HOME") + "/.local/state/podium/podium.db";
}

} // namespace podium::app

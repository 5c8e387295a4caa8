#include "assets.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace podium::app {
namespace fs = std::filesystem;

namespace {
constexpr const char* kFontFiles[] = {"fonts/Inter-Regular.otf", "fonts/Inter-SemiBold.otf",
                                      "fonts/Inter-Bold.otf"};

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

Result<std::vector<unsigned char>> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"cannot read " + path};
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), {});
}

Result<FontFiles> load_fonts(const std::string& assets_dir) {
    FontFiles fonts;
    for (std::size_t i = 0; i < fonts.size(); ++i) {
        auto bytes = read_file(assets_dir + "/" + kFontFiles[i]);
        if (!bytes) return bytes.error();
        fonts[i] = std::move(bytes).value();
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
    if (auto e = env("STATE_DIRECTORY"); !e.empty())
        return e + "/podium.db"; // systemd StateDirectory=
    if (auto e = env("XDG_STATE_HOME"); !e.empty()) return e + "/podium/podium.db";
    return env("HOME") + "/.local/state/podium/podium.db";
}

} // namespace podium::app

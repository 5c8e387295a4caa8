// Finding the bundled assets (fonts, demo feed) and the default store path.
#pragma once

#include "display/scene/display_list.hpp"
#include "sync/model/result.hpp"

#include <array>
#include <string>
#include <vector>

namespace podium::app {

using FontFiles = std::array<std::vector<unsigned char>, scene::kFontFaceCount>;

// $PODIUM_ASSETS, next to the binary (../share/podium), the install prefix, the source tree.
Result<std::string> find_assets_dir();
Result<FontFiles> load_fonts(const std::string& assets_dir);
Result<FontFiles> load_bundled_fonts(); // find_assets_dir, then load_fonts
std::string default_db_path(); // $PODIUM_DB, else builtin_db_path()
// $STATE_DIRECTORY/podium.db, else $XDG_STATE_HOME/podium/podium.db, else
// ~/.local/state/podium/podium.db: the one store path whose folders Podium creates itself.
std::string builtin_db_path();

} // namespace podium::app

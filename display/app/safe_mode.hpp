// Safe mode: after repeated crashes, play only the fallback (the organisation's name and the
// clock) and say why in the overlay's status tab. Each `podium run` notes its start in the store
// and clears the note when it exits cleanly (a stop, SIGTERM) or has run for kStableAfter; a note
// left behind is a crash (a signal, an abort, the watchdog). kCrashLimit of them within
// kCrashWindow put the next start in safe mode. It lasts that run only: the next clean start
// plays normally again.
#pragma once

#include "sync/store.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace podium::app {

inline constexpr const char* kUncleanStartsSetting = "run.unclean_starts"; // epoch seconds, comma-separated
inline constexpr int kCrashLimit = 3;
inline constexpr std::chrono::minutes kCrashWindow{10};
inline constexpr std::chrono::minutes kStableAfter{10};

// At the start of a run: the reason for safe mode, if the crashes call for it; this start is
// noted either way (best effort: a store that cannot be written never stops the screen).
std::optional<std::string> note_start(sync::Store& store, std::chrono::system_clock::time_point now);
// On a clean exit, or once the run has been stable for kStableAfter: the crashes are behind.
void note_clean(sync::Store& store);

} // namespace podium::app

// The command-line contract (stable: others script against it). `podium --help` prints it.
#pragma once

#include "display/overlay/admin_overlay.hpp"

#include "display/scene/format.hpp"
#include "display/scene/privacy.hpp"
#include "display/scene/slides.hpp"
#include "sync/model/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podium::app {

enum class Command { run, render, sync, export_feed, config, plan, admin, feed, help, version };

struct RunOptions {
    std::optional<std::pair<int, int>> windowed; // --windowed WxH; fullscreen otherwise
};

struct RenderOptions {
    scene::SlideKind slide = scene::SlideKind::leaderboard;
    int width = 0, height = 0;
    std::string out;                                      // --out FILE.png
    bool text = false;                                    // --format text
    scene::Audience audience = scene::Audience::visitors; // the safe side by default
    scene::Lang lang = scene::Lang::en;
    std::optional<scene::LocalTime> at;
    std::optional<overlay::Tab> overlay; // --overlay TAB: the admin overlay over the slide
};

struct SyncOptions {
    bool once = false; // required for now: one attempt, then exit
    std::string source; // empty: the configured source (setting sync.source)
};

// `podium config check FILE` and `podium config apply FILE`.
struct ConfigOptions {
    std::string action; // "check" or "apply"
    std::string file;
};

// `podium plan [--from TIME] [--hours N]`.
struct PlanOptions {
    std::string from; // as given (checked by parse_local_time); empty: now
    int hours = 24;   // 1..744 (a month)
};

// `podium admin set-pin`: the PIN comes from standard input, never from the command line (where
// `ps` and the shell history would show it).
struct AdminOptions {
    std::string action; // "set-pin"
};

// `podium feed template FILE.xlsx [--lang en|nl]` and `podium feed check SOURCE`.
struct FeedOptions {
    std::string action; // "template" or "check"
    std::string target; // the workbook to write, or the source to check
    scene::Lang lang = scene::Lang::en;
};

struct CliOptions {
    std::string db;     // empty: the default path
    std::string config; // --config PATH: the managed kiosk config that run, sync and render apply
    Command command = Command::run;
    RunOptions run;
    RenderOptions render;
    SyncOptions sync;
    ConfigOptions config_command;
    PlanOptions plan;
    AdminOptions admin;
    FeedOptions feed;
};

// Exit codes. A usage error (unknown command, bad option) prints one line.
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFeedRejected = 3; // sync: the feed broke a rule; the store is untouched
inline constexpr int kExitUnreachable = 4; // sync: the source did not answer (network, HTTP, file)
inline constexpr int kExitStoreError = 5; // sync: the local store could not be written

Result<CliOptions> parse_cli(const std::vector<std::string_view>& args);
std::string_view help_text();

std::optional<std::pair<int, int>> parse_size(std::string_view s);
// "2026-11-25T14:30", with optional seconds and offset, or a date "2026-11-25": the wall-clock
// time shown on screen.
std::optional<scene::LocalTime> parse_local_time(std::string_view s);

} // namespace podium::app

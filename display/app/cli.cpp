#include "cli.hpp"

#include <algorithm>
#include <charconv>

namespace podium::app {
namespace {

constexpr std::string_view kHelp = R"(Usage: podium [--db PATH] [--config PATH] [COMMAND [OPTIONS]]

Podium shows your social business champions on an office TV screen.

Commands:
  run [--windowed WxH]     Play the slideshow fullscreen (the default command). With --windowed,
                           in a window of that size; Esc quits only there.
  sync --once [--source SRC]
                           One sync attempt from SRC (default: the configured source). SRC is
                           an http(s) URL (JSON or CSV), sqlite:///path, postgresql://..., or
                           a file path. Exit 0 when applied or unchanged; 1 configuration
                           error (no source, an unusable token or CA file); 3 feed rejected,
                           4 source unreachable, 5 store error (one line on stderr); the store
                           is untouched on any failure.
  export                   Write the store's data as a version-1 JSON feed to standard output.
  config check FILE        Check a managed kiosk config (TOML; see kiosk-config/README.md).
                           Prints "FILE: ok, N settings", or every problem on stderr, one per
                           line as FILE:LINE:COLUMN: message, and exits 1.
  config apply FILE        Check FILE, then write its settings to the store, all or none.
  plan [--from TIME] [--hours N]
                           What will play, one line per stretch from TIME (default: now) for
                           N hours (default 24, at most 744):
                           START<TAB>END<TAB>SLIDE<TAB>AUDIENCE, local ISO 8601 times with
                           their offsets; SLIDE is a slide kind, "fallback" or "screen-off".
                           TIME without an offset is wall-clock time in the screen's zone.
  feed template FILE.xlsx [--lang en|nl]
                           Write an Excel workbook to fill in with your figures: a sheet per
                           part of the feed, an instructions sheet, example rows. Never over an
                           existing file.
  feed check SOURCE        Read, map and check SOURCE (as sync --source takes it) without
                           touching the store: what it holds, the columns read and ignored,
                           the first rows as Podium reads them, and every problem with its
                           place (a workbook's cell: Monthly!D14). Exit codes as sync --once.
  admin set-pin            Set the admin overlay's PIN (6 to 12 digits) from one line of
                           standard input, e.g. for provisioning. Prints "admin PIN set";
                           a PIN that breaks the rule: one line on stderr, exit 1.
  render --slide KIND --size WxH (--out FILE.png | --format text)
         [--audience internal|public] [--lang en|nl] [--at TIME]
                           Render one slide headless (no display server needed), to a PNG or as
                           the text it shows, one line per text run in reading order.
                           KIND: leaderboard, spotlight, results, adoption, successes,
                           fallback, celebration. Audience default: public.
                           TIME: local time, e.g. 2026-11-25T14:30 or 2026-11-25.
         [--overlay TAB]   Draw the admin overlay, unlocked, over the slide (for review).
                           TAB: status, playlist, privacy, source, display, log. PNG only:
                           with --format text it is a usage error (exit 2).

Options:
  --db PATH                The local store (SQLite). Default: $PODIUM_DB, else
                           $STATE_DIRECTORY/podium.db, else ~/.local/state/podium/podium.db.
                           A file that is not a Podium store is refused (exit 1) and left as
                           it is; its folder must exist. render, plan and export never create
                           a store (without one: the demo; export exits 1).
  --config PATH            A managed kiosk config file. run, sync and render check it first and
                           apply it to the store, so its values win over settings made on the
                           device; on any problem they print it and exit 1.
  --help, -h               Show this help.
  --version                Show the version.

With an empty store and no source configured, Podium loads its bundled demo data.
Exit codes: 0 success, 1 failure (message on stderr), 2 usage error; sync also 3, 4, 5.
)";

std::string_view command_name(Command c) {
    switch (c) {
    case Command::run:
        return "run";
    case Command::render:
        return "render";
    case Command::sync:
        return "sync";
    case Command::export_feed:
        return "export";
    case Command::config:
        return "config";
    case Command::plan:
        return "plan";
    case Command::admin:
        return "admin";
    case Command::feed:
        return "feed";
    default:
        return "this command";
    }
}

Error usage(const std::string& message) {
    return Error{message + " (see podium --help)"};
}

// Takes the value of an option at args[i], advancing i.
Result<std::string_view> value_of(const std::vector<std::string_view>& args, std::size_t& i) {
    if (i + 1 >= args.size() || args[i + 1].starts_with("--"))
        return usage("option " + std::string(args[i]) + " needs a value");
    return args[++i];
}

constexpr std::string_view kRenderOptions[] = {"--slide", "--size", "--out",     "--format",
                                               "--audience", "--lang", "--at", "--overlay"};

// "leaderboard, spotlight, …, fallback or celebration", from the one table of kinds, so a new
// kind is never missing from the message.
std::string slide_kind_list() {
    std::string out;
    const std::size_t n = std::size(scene::kAllSlides);
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out += i + 1 == n ? " or " : ", ";
        out += scene::slide_kind_name(scene::kAllSlides[i]);
    }
    return out;
}

Status parse_render_option(const std::vector<std::string_view>& args, std::size_t& i,
                           RenderOptions& r, bool& have_slide, bool& have_size) {
    const std::string opt(args[i]);
    if (std::find(std::begin(kRenderOptions), std::end(kRenderOptions), opt) ==
        std::end(kRenderOptions))
        return usage("unknown option " + opt + " for render");
    auto v = value_of(args, i);
    if (!v) return v.error();
    const std::string_view val = v.value();
    const auto bad = [&](std::string_view expected) {
        return usage("bad value for " + opt + ": '" + std::string(val) + "', expected " +
                     std::string(expected));
    };
    if (opt == "--slide") {
        const auto k = scene::parse_slide_kind(val);
        if (!k) return bad(slide_kind_list());
        r.slide = *k;
        have_slide = true;
    } else if (opt == "--size") {
        const auto s = parse_size(val);
        if (!s) return bad("WxH from 320x240 up to 7680x4320 (or 4320x7680), e.g. 1920x1080");
        std::tie(r.width, r.height) = *s;
        have_size = true;
    } else if (opt == "--out") {
        r.out = std::string(val);
    } else if (opt == "--format") {
        if (val != "text") return bad("text");
        r.text = true;
    } else if (opt == "--audience") {
        const auto a = scene::parse_audience(val);
        if (!a) return bad("internal or public");
        r.audience = *a;
    } else if (opt == "--lang") {
        const auto l = scene::parse_lang(val);
        if (!l) return bad("en or nl");
        r.lang = *l;
    } else if (opt == "--at") {
        r.at = parse_local_time(val);
        if (!r.at) return bad("a local time such as 2026-11-25T14:30");
    } else if (opt == "--overlay") {
        r.overlay = overlay::parse_tab(val);
        if (!r.overlay) return bad("status, playlist, privacy, source, display or log");
    } else {
        return usage("unknown option " + opt + " for render");
    }
    return Ok{};
}

Status parse_command_options(const std::vector<std::string_view>& args, std::size_t i,
                             CliOptions& o) {
    bool have_slide = false, have_size = false;
    for (; i < args.size(); ++i) {
        const std::string opt(args[i]);
        if (o.command == Command::run && opt == "--windowed") {
            auto v = value_of(args, i);
            if (!v) return v.error();
            o.run.windowed = parse_size(v.value());
            if (!o.run.windowed)
                return usage("bad value for --windowed: '" + std::string(v.value()) +
                             "', expected WxH");
        } else if (o.command == Command::sync && opt == "--once") {
            o.sync.once = true;
        } else if (o.command == Command::sync && opt == "--source") {
            auto v = value_of(args, i);
            if (!v) return v.error();
            o.sync.source = std::string(v.value());
        } else if (o.command == Command::plan && (opt == "--from" || opt == "--hours")) {
            auto v = value_of(args, i);
            if (!v) return v.error();
            if (opt == "--from") {
                if (!parse_local_time(v.value()))
                    return usage("bad value for --from: '" + std::string(v.value()) +
                                 "', expected a time such as 2026-11-25T14:30");
                o.plan.from = std::string(v.value());
            } else {
                const auto r = std::from_chars(v.value().data(), v.value().data() + v.value().size(), o.plan.hours);
                if (r.ec != std::errc{} || r.ptr != v.value().data() + v.value().size() ||
                    o.plan.hours < 1 || o.plan.hours > 744)
                    return usage("bad value for --hours: '" + std::string(v.value()) +
                                 "', expected a whole number from 1 to 744");
            }
        } else if (o.command == Command::render) {
            if (auto st = parse_render_option(args, i, o.render, have_slide, have_size); !st)
                return st;
        } else {
            return usage("unknown option " + opt + " for " +
                         std::string(command_name(o.command)));
        }
    }
    if (o.command == Command::sync && !o.sync.once)
        return usage("sync needs --once (the sync loop runs inside podium run)");
    if (o.command == Command::render) {
        if (!have_slide) return usage("render needs --slide KIND");
        if (!have_size) return usage("render needs --size WxH");
        if (o.render.out.empty() == !o.render.text)
            return usage("render needs exactly one of --out FILE.png and --format text");
        // The overlay is pixels drawn over the slide: text output would silently drop it.
        if (o.render.overlay && o.render.text)
            return usage("--overlay draws over a PNG: use it with --out FILE.png, not --format text");
    }
    return Ok{};
}

// `config ACTION FILE`: exactly two words after the command.
Status parse_config_options(const std::vector<std::string_view>& args, std::size_t i,
                            ConfigOptions& c) {
    for (; i < args.size(); ++i) {
        const std::string arg(args[i]);
        if (arg.starts_with("--")) return usage("unknown option " + arg + " for config");
        if (c.action.empty()) {
            if (arg != "check" && arg != "apply")
                return usage("unknown config action '" + arg + "', expected check or apply");
            c.action = arg;
        } else if (c.file.empty()) {
            c.file = arg;
        } else {
            return usage("unexpected argument '" + arg + "' after config " + c.action + " " +
                         c.file);
        }
    }
    if (c.action.empty()) return usage("config needs an action: check FILE or apply FILE");
    if (c.file.empty()) return usage("config " + c.action + " needs FILE");
    return Ok{};
}

// `feed template FILE [--lang en|nl]`, `feed check SOURCE`.
Status parse_feed_options(const std::vector<std::string_view>& args, std::size_t i,
                          FeedOptions& f) {
    for (; i < args.size(); ++i) {
        const std::string arg(args[i]);
        if (arg == "--lang" && f.action == "template") {
            auto v = value_of(args, i);
            if (!v) return v.error();
            const auto l = scene::parse_lang(v.value());
            if (!l) return usage("unknown language '" + std::string(v.value()) + "', expected en or nl");
            f.lang = *l;
        } else if (arg.starts_with("--")) {
            return usage("unknown option " + arg + " for feed" + (f.action.empty() ? "" : " " + f.action));
        } else if (f.action.empty()) {
            if (arg != "template" && arg != "check")
                return usage("unknown feed action '" + arg + "', expected template or check");
            f.action = arg;
        } else if (f.target.empty()) {
            f.target = arg;
        } else {
            return usage("unexpected argument '" + arg + "' after feed " + f.action + " " + f.target);
        }
    }
    if (f.action.empty()) return usage("feed needs an action: template FILE.xlsx or check SOURCE");
    if (f.target.empty())
        return usage(f.action == "template" ? "feed template needs FILE.xlsx" : "feed check needs SOURCE");
    return Ok{};
}

// `admin ACTION`: exactly one word after the command.
Status parse_admin_options(const std::vector<std::string_view>& args, std::size_t i,
                           AdminOptions& a) {
    for (; i < args.size(); ++i) {
        const std::string arg(args[i]);
        if (arg.starts_with("--")) return usage("unknown option " + arg + " for admin");
        if (!a.action.empty())
            return usage("unexpected argument after admin " + a.action +
                         " (the PIN is read from standard input)");
        if (arg != "set-pin") return usage("unknown admin action '" + arg + "', expected set-pin");
        a.action = arg;
    }
    if (a.action.empty()) return usage("admin needs an action: set-pin");
    return Ok{};
}

} // namespace

std::string_view help_text() {
    return kHelp;
}

std::optional<std::pair<int, int>> parse_size(std::string_view s) {
    const auto x = s.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    int w = 0, h = 0;
    const auto a = std::from_chars(s.data(), s.data() + x, w);
    const auto b = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
    if (a.ec != std::errc{} || a.ptr != s.data() + x || b.ec != std::errc{} ||
        b.ptr != s.data() + s.size())
        return std::nullopt;
    // Landscape or portrait, up to 8K: the long side at most 7680, the short side at most 4320.
    if (std::min(w, h) < 240 || std::max(w, h) < 320 || std::max(w, h) > 7680 ||
        std::min(w, h) > 4320)
        return std::nullopt;
    return std::pair{w, h};
}

namespace {

// Exactly `n` ASCII digits at `pos` (from_chars alone would accept a sign).
bool digits_at(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

// What may follow HH:MM: nothing, or ":SS" with an optional fraction, then "Z" or
// "+HH:MM"/"-HH:MM".
bool valid_time_tail(std::string_view rest) {
    int n = 0;
    if (!rest.empty() && rest[0] == ':') {
        if (!digits_at(rest, 1, 2, n) || n > 60) return false;
        rest.remove_prefix(3);
        if (!rest.empty() && rest[0] == '.') {
            std::size_t i = 1;
            while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9')
                ++i;
            if (i == 1) return false;
            rest.remove_prefix(i);
        }
    }
    if (rest.empty() || rest == "Z") return true;
    int hh = 0, mm = 0;
    return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && digits_at(rest, 1, 2, hh) &&
           rest[3] == ':' && digits_at(rest, 4, 2, mm) && hh <= 23 && mm <= 59;
}

} // namespace

std::optional<scene::LocalTime> parse_local_time(std::string_view s) {
    const auto date = model::parse_date(s.substr(0, 10));
    if (!date) return std::nullopt;
    scene::LocalTime t{date->year, date->month, date->day, 0, 0};
    if (s.size() == 10) return t;
    if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
    if (!digits_at(s, 11, 2, t.hour) || !digits_at(s, 14, 2, t.minute) || t.hour > 23 ||
        t.minute > 59)
        return std::nullopt;
    // The wall-clock time is what the screen shows; seconds and an offset are checked, not used.
    if (!valid_time_tail(s.substr(16))) return std::nullopt;
    return t;
}

Result<CliOptions> parse_cli(const std::vector<std::string_view>& args) {
    CliOptions o;
    std::size_t i = 0;
    for (; i < args.size() && args[i].starts_with("-"); ++i) {
        const std::string opt(args[i]);
        if (opt == "--help" || opt == "-h") {
            o.command = Command::help;
            return o;
        }
        if (opt == "--version") {
            o.command = Command::version;
            return o;
        }
        if (opt != "--db" && opt != "--config") return usage("unknown option " + opt);
        auto v = value_of(args, i);
        if (!v) return v.error();
        (opt == "--db" ? o.db : o.config) = std::string(v.value());
    }
    if (i < args.size()) {
        const std::string_view cmd = args[i++];
        if (cmd == "run")
            o.command = Command::run;
        else if (cmd == "render")
            o.command = Command::render;
        else if (cmd == "sync")
            o.command = Command::sync;
        else if (cmd == "export")
            o.command = Command::export_feed;
        else if (cmd == "config")
            o.command = Command::config;
        else if (cmd == "plan")
            o.command = Command::plan;
        else if (cmd == "admin")
            o.command = Command::admin;
        else if (cmd == "feed")
            o.command = Command::feed;
        else if (cmd == "help")
        {
            o.command = Command::help;
            return o;
        }
        else
            return usage("unknown command '" + std::string(cmd) + "'");
    }
    const Status st = o.command == Command::config ? parse_config_options(args, i, o.config_command)
                      : o.command == Command::admin ? parse_admin_options(args, i, o.admin)
                      : o.command == Command::feed  ? parse_feed_options(args, i, o.feed)
                                                    : parse_command_options(args, i, o);
    if (!st) return st.error();
    return o;
}

} // namespace podium::app

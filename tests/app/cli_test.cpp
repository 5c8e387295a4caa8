// The command-line contract (others script against it): parse_cli on every valid form and every
// usage error, then the real podium binary, spawned with its own --db in a temporary folder so the
// user's store is never touched, checking exit codes, stdout, stderr and the PNG it writes.
#include "display/app/cli.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <random>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;
using podium::app::CliOptions;
using podium::app::Command;
using podium::app::parse_cli;
using podium::app::parse_local_time;
using podium::app::parse_size;
using podium::scene::Audience;
using podium::scene::Lang;
using podium::scene::SlideKind;

namespace {

CliOptions parse_ok(std::initializer_list<std::string_view> args) {
    auto r = parse_cli(args);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return std::move(r).value();
}

// A usage error: one line, mentioning every one of `names` (the option, the value, the command).
std::string parse_error(std::initializer_list<std::string_view> args,
                        std::initializer_list<std::string_view> names) {
    auto r = parse_cli(args);
    REQUIRE_FALSE(r.ok());
    const std::string msg = r.error().message;
    CAPTURE(msg);
    CHECK_FALSE(msg.empty());
    CHECK(msg.find('\n') == std::string::npos);
    for (std::string_view name : names) {
        CAPTURE(name);
        CHECK(msg.find(name) != std::string::npos);
    }
    return msg;
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

// ---- running the binary ----

class TempDir {
  public:
    TempDir() {
        static std::atomic<unsigned> counter{0};
        std::random_device rd;
        path_ =
            fs::temp_directory_path() / ("podium-cli-test-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(counter++) + "-" + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    fs::path path_;
};

struct Run {
    int exit_code = -1; // -1: killed (timeout or signal)
    std::string out, err;
};

constexpr auto kTimeout = std::chrono::seconds(20); // each command takes well under 2 s

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        if (end == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// Runs PODIUM_BINARY with `args`, capturing stdout and stderr; killed after kTimeout. The child's
// environment points PODIUM_DB into `dir` and drops STATE_DIRECTORY, so even a command without
// --db cannot reach the user's store.
Run run_podium(const TempDir& dir, const std::vector<std::string>& args) {
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) {
        const std::string_view var(*e);
        if (var.starts_with("PODIUM_DB=") || var.starts_with("STATE_DIRECTORY=")) continue;
        env_strings.emplace_back(var);
    }
    env_strings.push_back("PODIUM_DB=" + dir.file("env-default.db"));
    std::vector<char*> envp;
    for (auto& s : env_strings)
        envp.push_back(s.data());
    envp.push_back(nullptr);

    std::vector<std::string> argv_strings{PODIUM_BINARY};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : argv_strings)
        argv.push_back(s.data());
    argv.push_back(nullptr);

    int out_pipe[2], err_pipe[2];
    REQUIRE(::pipe2(out_pipe, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(err_pipe, O_CLOEXEC) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, PODIUM_BINARY, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (rc != 0) {
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        FAIL("cannot spawn " << PODIUM_BINARY << ": " << std::strerror(rc));
    }

    Run run;
    const auto deadline = std::chrono::steady_clock::now() + kTimeout;
    std::array<pollfd, 2> fds{{{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}}};
    std::array<std::string*, 2> sinks{&run.out, &run.err};
    int open_fds = 2;
    bool timed_out = false;
    while (open_fds > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        if (::poll(fds.data(), fds.size(), static_cast<int>(left.count())) < 0) continue; // EINTR
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            char buf[4096];
            const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(n));
            } else {
                ::close(fds[i].fd);
                fds[i].fd = -1; // poll ignores negative descriptors
                --open_fds;
            }
        }
    }
    for (auto& f : fds)
        if (f.fd >= 0) ::close(f.fd);
    if (timed_out) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
    }
    CHECK_MESSAGE(!timed_out, "podium did not finish within the time limit");
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::string project_version() {
    std::ifstream in(std::string(PODIUM_SOURCE_DIR) + "/CMakeLists.txt");
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    std::smatch m;
    REQUIRE(std::regex_search(text, m, std::regex(R"(project\(podium VERSION ([0-9][0-9.]*))")));
    return m[1].str();
}

struct PngSize {
    std::uint32_t width = 0, height = 0;
};

// Reads the IHDR chunk that must follow the signature: the size as the file itself states it.
PngSize png_size(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::array<unsigned char, 24> head{};
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    REQUIRE(in.gcount() == 24);
    const std::array<unsigned char, 8> signature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    REQUIRE(std::equal(signature.begin(), signature.end(), head.begin()));
    REQUIRE(std::string(head.begin() + 12, head.begin() + 16) == "IHDR");
    const auto be32 = [&](std::size_t at) {
        return (std::uint32_t{head[at]} << 24) | (std::uint32_t{head[at + 1]} << 16) |
               (std::uint32_t{head[at + 2]} << 8) | std::uint32_t{head[at + 3]};
    };
    CHECK(be32(8) == 13); // IHDR's length
    return {be32(16), be32(20)};
}

const std::vector<std::string> kLeaderboardText = {"render", "--slide",   "leaderboard",
                                                   "--size", "1920x1080", "--format",
                                                   "text",   "--at",      "2026-11-25T10:00"};

std::vector<std::string> with_db(const TempDir& dir, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", dir.file("podium.db")});
    return args;
}

} // namespace

// ---- parse_cli: valid forms ----

TEST_CASE("cli: no arguments means run, fullscreen, with the default store") {
    const CliOptions o = parse_ok({});
    CHECK(o.command == Command::run);
    CHECK(o.db.empty());
    CHECK(o.config.empty());
    CHECK_FALSE(o.run.windowed.has_value());
}

TEST_CASE("cli: global options come before the command") {
    SUBCASE("--db and --config without a command") {
        const CliOptions o =
            parse_ok({"--db", "/var/lib/podium/p.db", "--config", "/etc/podium/kiosk.toml"});
        CHECK(o.command == Command::run);
        CHECK(o.db == "/var/lib/podium/p.db");
        CHECK(o.config == "/etc/podium/kiosk.toml");
    }
    SUBCASE("in either order, before run") {
        const CliOptions o = parse_ok({"--config", "c.toml", "--db", "d.db", "run"});
        CHECK(o.command == Command::run);
        CHECK(o.db == "d.db");
        CHECK(o.config == "c.toml");
    }
    SUBCASE("the last --db wins") {
        const CliOptions o = parse_ok({"--db", "a.db", "--db", "b.db"});
        CHECK(o.db == "b.db");
    }
    SUBCASE("a value may start with a single dash") {
        const CliOptions o = parse_ok({"--db", "-odd-name.db"});
        CHECK(o.db == "-odd-name.db");
    }
    SUBCASE("before render") {
        const CliOptions o = parse_ok({"--db", "x.db", "render", "--slide", "results", "--size",
                                       "1280x720", "--format", "text"});
        CHECK(o.command == Command::render);
        CHECK(o.db == "x.db");
    }
    SUBCASE("--db after the command is not a global option") {
        parse_error({"run", "--db", "x.db"}, {"--db"});
        parse_error({"render", "--db", "x.db", "--slide", "results", "--size", "1280x720",
                     "--format", "text"},
                    {"--db"});
    }
}

TEST_CASE("cli: run") {
    SUBCASE("plain run is fullscreen") {
        const CliOptions o = parse_ok({"run"});
        CHECK(o.command == Command::run);
        CHECK_FALSE(o.run.windowed.has_value());
    }
    SUBCASE("run --windowed WxH") {
        const CliOptions o = parse_ok({"run", "--windowed", "1280x720"});
        CHECK(o.command == Command::run);
        REQUIRE(o.run.windowed.has_value());
        CHECK(o.run.windowed->first == 1280);
        CHECK(o.run.windowed->second == 720);
    }
    SUBCASE("with global options") {
        const CliOptions o = parse_ok({"--db", "k.db", "run", "--windowed", "1920x1080"});
        CHECK(o.db == "k.db");
        REQUIRE(o.run.windowed.has_value());
        CHECK(*o.run.windowed == std::pair{1920, 1080});
    }
}

TEST_CASE("cli: render") {
    SUBCASE("defaults: public audience, English, the current time") {
        const CliOptions o = parse_ok(
            {"render", "--slide", "leaderboard", "--size", "1920x1080", "--format", "text"});
        CHECK(o.command == Command::render);
        CHECK(o.render.slide == SlideKind::leaderboard);
        CHECK(o.render.width == 1920);
        CHECK(o.render.height == 1080);
        CHECK(o.render.text);
        CHECK(o.render.out.empty());
        CHECK(o.render.audience == Audience::visitors);
        CHECK(o.render.lang == Lang::en);
        CHECK_FALSE(o.render.at.has_value());
    }
    SUBCASE("every option, to a PNG") {
        const CliOptions o = parse_ok({"render", "--slide", "spotlight", "--size", "3840x2160",
                                       "--out", "/tmp/shot.png", "--audience", "internal", "--lang",
                                       "nl", "--at", "2026-11-25T14:30"});
        CHECK(o.command == Command::render);
        CHECK(o.render.slide == SlideKind::spotlight);
        CHECK(o.render.width == 3840);
        CHECK(o.render.height == 2160);
        CHECK(o.render.out == "/tmp/shot.png");
        CHECK_FALSE(o.render.text);
        CHECK(o.render.audience == Audience::internal);
        CHECK(o.render.lang == Lang::nl);
        REQUIRE(o.render.at.has_value());
        CHECK(o.render.at->year == 2026);
        CHECK(o.render.at->month == 11);
        CHECK(o.render.at->day == 25);
        CHECK(o.render.at->hour == 14);
        CHECK(o.render.at->minute == 30);
    }
    SUBCASE("options in any order; results; --audience public; --lang en; a date for --at") {
        const CliOptions o =
            parse_ok({"render", "--at", "2026-03-01", "--lang", "en", "--format", "text",
                      "--audience", "public", "--size", "1280x720", "--slide", "results"});
        CHECK(o.render.slide == SlideKind::results);
        CHECK(o.render.width == 1280);
        CHECK(o.render.height == 720);
        CHECK(o.render.text);
        CHECK(o.render.audience == Audience::visitors);
        CHECK(o.render.lang == Lang::en);
        REQUIRE(o.render.at.has_value());
        CHECK(o.render.at->day == 1);
        CHECK(o.render.at->month == 3);
        CHECK(o.render.at->hour == 0);
        CHECK(o.render.at->minute == 0);
    }
}

TEST_CASE("cli: help and version") {
    const std::vector<std::vector<std::string_view>> forms = {
        {"--help"},        {"-h"}, {"help"}, {"--db", "x.db", "--help"}, {"--db", "x.db", "help"},
        {"help", "render"}};
    for (const auto& args : forms) {
        CAPTURE(args.front());
        CAPTURE(args.size());
        auto r = parse_cli(args);
        REQUIRE(r.ok());
        CHECK(r.value().command == Command::help);
    }
    auto v = parse_cli(std::vector<std::string_view>{"--version"});
    REQUIRE(v.ok());
    CHECK(v.value().command == Command::version);

    const std::string help(podium::app::help_text());
    for (const char* word :
         {"run", "render", "--db", "--config", "--windowed", "--slide", "--size", "--out",
          "--format", "--audience", "--lang", "--at", "--help", "--version"}) {
        CAPTURE(word);
        CHECK(std::regex_search(
            help, std::regex(std::string("(^|[\\s\\[(|])") + word + "($|[\\s\\]),|])")));
    }
}

// ---- parse_cli: usage errors ----

TEST_CASE("cli: unknown commands and options") {
    parse_error({"frobnicate"}, {"unknown command", "frobnicate"});
    parse_error({"--db", "x.db", "frobnicate", "--slide", "x"}, {"frobnicate"});
    parse_error({"--frob"}, {"unknown option", "--frob"});
    parse_error({"-x"}, {"unknown option", "-x"});
    parse_error({"--windowed", "1280x720"}, {"--windowed"}); // a run option, not a global one
    parse_error({"run", "--frob", "1"}, {"--frob", "run"});
    parse_error({"run", "--slide", "leaderboard"}, {"--slide", "run"});
    parse_error({"run", "extra"}, {"extra"});
    parse_error({"render", "--slide", "leaderboard", "--size", "1920x1080", "--format", "text",
                 "--frob", "1"},
                {"unknown option", "--frob", "render"});
    parse_error({"render", "--windowed", "1280x720", "--slide", "leaderboard", "--size",
                 "1920x1080", "--format", "text"},
                {"unknown option", "--windowed", "render"});
}

TEST_CASE("cli: an unknown option at the end of render is reported as unknown") {
    // The option's name is checked only after its value is taken, so a trailing unknown option (or
    // `podium render --help`) is reported as "option --frob needs a value".
    parse_error(
        {"render", "--slide", "leaderboard", "--size", "1920x1080", "--format", "text", "--frob"},
        {"unknown option", "--frob"});
    parse_error({"render", "--help"}, {"unknown option", "--help"});
}

TEST_CASE("cli: options without their value") {
    const std::vector<std::vector<std::string_view>> cases = {
        {"--db"},
        {"--config"},
        {"--db", "--config", "c.toml"}, // the next option is not a value
        {"run", "--windowed"},
        {"render", "--format", "text", "--size", "1920x1080", "--slide"},
        {"render", "--slide", "leaderboard", "--format", "text", "--size"},
        {"render", "--slide", "leaderboard", "--size", "1920x1080", "--out"},
        {"render", "--slide", "leaderboard", "--size", "1920x1080", "--format"},
        {"render", "--slide", "leaderboard", "--size", "1920x1080", "--format", "text",
         "--audience"},
        {"render", "--slide", "leaderboard", "--size", "1920x1080", "--format", "text", "--lang"},
        {"render", "--slide", "leaderboard", "--size", "1920x1080", "--format", "text", "--at"},
        {"render", "--slide", "--size", "1920x1080", "--format", "text"},
    };
    const std::vector<std::string_view> option = {"--db",       "--config", "--db",  "--windowed",
                                                  "--slide",    "--size",   "--out", "--format",
                                                  "--audience", "--lang",   "--at",  "--slide"};
    REQUIRE(cases.size() == option.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        CAPTURE(i);
        auto r = parse_cli(cases[i]);
        REQUIRE_FALSE(r.ok());
        const std::string& msg = r.error().message;
        CAPTURE(msg);
        CHECK(contains(msg, option[i]));
        CHECK(contains(msg, "needs a value"));
        CHECK(msg.find('\n') == std::string::npos);
    }
}

TEST_CASE("cli: bad values") {
    const auto render_with = [](std::string_view opt, std::string_view value) {
        std::vector<std::string_view> args = {"render",    "--slide",  "leaderboard", "--size",
                                              "1920x1080", "--format", "text"};
        args.push_back(opt);
        args.push_back(value);
        return args;
    };
    const auto check_bad = [](const std::vector<std::string_view>& args, std::string_view opt,
                              std::string_view value) {
        CAPTURE(opt);
        CAPTURE(value);
        auto r = parse_cli(args);
        REQUIRE_FALSE(r.ok());
        const std::string& msg = r.error().message;
        CAPTURE(msg);
        CHECK(contains(msg, opt));
        CHECK(contains(msg, "'" + std::string(value) + "'"));
        CHECK(msg.find('\n') == std::string::npos);
    };
    SUBCASE("--size") {
        for (std::string_view v :
             {"0x0", "100x100", "1920x", "abc", "1920x1080x3", "x1080", "1920*1080", ""})
            check_bad(render_with("--size", v), "--size", v);
    }
    SUBCASE("--windowed") {
        for (std::string_view v : {"0x0", "big", "1280x"})
            check_bad({"run", "--windowed", v}, "--windowed", v);
    }
    SUBCASE("--slide") {
        for (std::string_view v : {"nope", "Leaderboard", "leaderboards", ""})
            check_bad(render_with("--slide", v), "--slide", v);
    }
    SUBCASE("--audience") {
        for (std::string_view v : {"everyone", "visitors", "Internal"})
            check_bad(render_with("--audience", v), "--audience", v);
    }
    SUBCASE("--lang") {
        for (std::string_view v : {"de", "NL", "english"})
            check_bad(render_with("--lang", v), "--lang", v);
    }
    SUBCASE("--at") {
        for (std::string_view v :
             {"tomorrow", "2026-02-30", "2026-11-25T24:00", "2026-13-01", "25-11-2026"})
            check_bad(render_with("--at", v), "--at", v);
    }
    SUBCASE("--format") {
        for (std::string_view v : {"png", "TEXT", "json"})
            check_bad({"render", "--slide", "leaderboard", "--size", "1920x1080", "--format", v},
                      "--format", v);
    }
}

TEST_CASE("cli: render needs a slide, a size and exactly one output") {
    parse_error({"render", "--size", "1920x1080", "--format", "text"}, {"--slide"});
    parse_error({"render", "--slide", "leaderboard", "--format", "text"}, {"--size"});
    parse_error({"render", "--format", "text"}, {"render needs"});
    const std::string both = parse_error({"render", "--slide", "leaderboard", "--size", "1920x1080",
                                          "--out", "a.png", "--format", "text"},
                                         {"--out", "--format text"});
    CHECK(contains(both, "exactly one"));
    const std::string neither = parse_error(
        {"render", "--slide", "leaderboard", "--size", "1920x1080"}, {"--out", "--format text"});
    CHECK(contains(neither, "exactly one"));
    parse_error({"render"}, {"render needs"});
}

// ---- parse_size and parse_local_time ----

TEST_CASE("cli: parse_size") {
    CHECK(parse_size("1920x1080") == std::pair{1920, 1080});
    CHECK(parse_size("320x240") == std::pair{320, 240});     // the smallest
    CHECK(parse_size("7680x4320") == std::pair{7680, 4320}); // the largest (8K)
    CHECK(parse_size("1080x1920") == std::pair{1080, 1920}); // portrait screens
    for (std::string_view bad : {"0x0",         "100x100",     "319x240",
                                 "320x239",     "7681x4320",   "1920x",
                                 "x1080",       "abc",         "",
                                 "x",           "1920x1080x3", "1920X1080",
                                 "1920 x 1080", " 1920x1080",  "1920x1080 ",
                                 "+1920x1080",  "1920x+1080",  "-1920x1080",
                                 "1920x-1080",  "1920.0x1080", "99999999999999999999x1080"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_size(bad).has_value());
    }
}

TEST_CASE("cli: parse_size keeps to 8K in either orientation") {
    // Up to 7680x4320 landscape or 4320x7680 portrait; never a square 8K frame (240 MB).
    CHECK(parse_size("7680x4320").has_value());
    CHECK(parse_size("4320x7680").has_value());
    CHECK(parse_size("1080x1920").has_value());
    CHECK_FALSE(parse_size("7681x4320").has_value());
    CHECK_FALSE(parse_size("4321x7680").has_value());
    CHECK_FALSE(parse_size("7680x7680").has_value());
    CHECK_FALSE(parse_size("5000x5000").has_value());
}

TEST_CASE("cli: parse_local_time") {
    SUBCASE("accepted forms") {
        const auto t = parse_local_time("2026-11-25T14:30");
        REQUIRE(t.has_value());
        CHECK(t->year == 2026);
        CHECK(t->month == 11);
        CHECK(t->day == 25);
        CHECK(t->hour == 14);
        CHECK(t->minute == 30);

        const auto date = parse_local_time("2026-11-25");
        REQUIRE(date.has_value());
        CHECK(date->day == 25);
        CHECK(date->hour == 0);
        CHECK(date->minute == 0);

        for (std::string_view s :
             {"2026-11-25T14:30:59", "2026-11-25T14:30:00+01:00", "2026-11-25T14:30:00Z",
              "2026-11-25T14:30Z", "2026-11-25T14:30-05:00", "2026-11-25 14:30"}) {
            CAPTURE(s);
            const auto u = parse_local_time(s);
            REQUIRE(u.has_value());
            // The wall-clock time as written: an offset does not shift it.
            CHECK(u->hour == 14);
            CHECK(u->minute == 30);
            CHECK(u->day == 25);
        }
        const auto midnight = parse_local_time("2026-01-01T00:00");
        REQUIRE(midnight.has_value());
        CHECK(midnight->hour == 0);
        const auto last = parse_local_time("2028-02-29T23:59"); // a leap day
        REQUIRE(last.has_value());
        CHECK(last->hour == 23);
        CHECK(last->minute == 59);
    }
    SUBCASE("rejected forms") {
        for (std::string_view s :
             {"2026-02-30", "2026-02-29", "2026-11-31", "2026-13-01", "2026-00-10",
              "2026-11-25T24:00", "2026-11-25T14:60", "2026-11-25T14", "2026-11-25T1430",
              "2026-11-25T14:3", "2026-11-25X14:30", "2026-11-25T14:30junk", "2026-11-25T",
              "26-11-25", "", "now", "2026/11/25"}) {
            CAPTURE(s);
            CHECK_FALSE(parse_local_time(s).has_value());
        }
    }
}

TEST_CASE("cli: parse_local_time rejects signed hours and minutes and malformed seconds") {
    // Hours and minutes are read with std::from_chars, which takes a minus sign: "-1" passes the
    // two-character check and the upper bound. After the minutes anything starting with ':', 'Z',
    // '+' or '-' is accepted unchecked.
    for (std::string_view s : {"2026-11-25T-1:00", "2026-11-25T10:-5", "2026-11-25T14:30:xx",
                               "2026-11-25T14:30Zjunk", "2026-11-25T14:30+garbage"}) {
        CAPTURE(s);
        CHECK_FALSE(parse_local_time(s).has_value());
    }
}

// ---- the real binary ----

TEST_CASE("cli binary: --version, --help and help") {
    TempDir dir;
    const Run version = run_podium(dir, {"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out == "podium " + project_version() + "\n");
    CHECK(version.err.empty());

    const Run help = run_podium(dir, {"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.err.empty());
    CHECK(help.out == podium::app::help_text());
    for (const char* word : {"run", "render", "--db", "--config", "--windowed", "--slide", "--size",
                             "--out", "--format", "--audience", "--lang", "--at"}) {
        CAPTURE(word);
        CHECK(std::regex_search(
            help.out, std::regex(std::string("(^|[\\s\\[(|])") + word + "($|[\\s\\]),|])")));
    }
    CHECK(run_podium(dir, {"-h"}).out == help.out);
    const Run help_command = run_podium(dir, {"help"});
    CHECK(help_command.exit_code == 0);
    CHECK(help_command.out == help.out);
    // None of these touch a store.
    CHECK_FALSE(fs::exists(dir.file("env-default.db")));
}

TEST_CASE("cli binary: usage errors exit 2 with one line on stderr") {
    TempDir dir;
    SUBCASE("an unknown command") {
        const Run r = run_podium(dir, {"frobnicate"});
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CAPTURE(r.err);
        REQUIRE(lines_of(r.err).size() == 1);
        CHECK(r.err.back() == '\n');
        CHECK(contains(r.err, "frobnicate"));
    }
    SUBCASE("an unknown slide") {
        const Run r = run_podium(dir, with_db(dir, {"render", "--slide", "nope", "--size",
                                                    "1920x1080", "--format", "text"}));
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CAPTURE(r.err);
        CHECK(lines_of(r.err).size() == 1);
        CHECK(contains(r.err, "nope"));
        CHECK_FALSE(fs::exists(dir.file("podium.db"))); // refused before opening the store
    }
    SUBCASE("a bad size") {
        const Run r = run_podium(dir, with_db(dir, {"render", "--slide", "leaderboard", "--size",
                                                    "100x100", "--format", "text"}));
        CHECK(r.exit_code == 2);
        CAPTURE(r.err);
        CHECK(lines_of(r.err).size() == 1);
        CHECK(contains(r.err, "100x100"));
    }
}

TEST_CASE("cli binary: render --format text") {
    TempDir dir;
    const Run en = run_podium(dir, with_db(dir, kLeaderboardText));
    CHECK(en.exit_code == 0);
    CAPTURE(en.err);
    const auto lines = lines_of(en.out);
    REQUIRE(lines.size() >= 5);
    CHECK(lines.front() == "Leaderboard");
    CHECK(en.out.back() == '\n');

    // It used the --db given: an empty store there got the demo feed; the environment's was not
    // used.
    CHECK(fs::exists(dir.file("podium.db")));
    CHECK_FALSE(fs::exists(dir.file("env-default.db")));
    {
        auto store = podium::sync::Store::open(dir.file("podium.db"));
        REQUIRE(store.ok());
        auto snap = store.value().load_snapshot();
        REQUIRE(snap.ok());
        CHECK(snap.value()->meta.is_demo);
        CHECK(snap.value()->meta.data_version == 1);
        CHECK_FALSE(snap.value()->empty());
    }

    SUBCASE("the same command gives the same text, and the demo is loaded once") {
        const Run again = run_podium(dir, with_db(dir, kLeaderboardText));
        CHECK(again.exit_code == 0);
        CHECK(again.out == en.out);
        auto store = podium::sync::Store::open(dir.file("podium.db"));
        REQUIRE(store.ok());
        auto snap = store.value().load_snapshot();
        REQUIRE(snap.ok());
        CHECK(snap.value()->meta.data_version == 1);
    }
    SUBCASE("in Dutch") {
        auto args = kLeaderboardText;
        args.insert(args.end(), {"--lang", "nl"});
        const Run nl = run_podium(dir, with_db(dir, args));
        CHECK(nl.exit_code == 0);
        const auto nl_lines = lines_of(nl.out);
        REQUIRE(nl_lines.size() >= 5);
        CHECK(nl_lines.front() == "Ranglijst");
    }
}

TEST_CASE("cli binary: render --out writes a PNG of the requested size") {
    TempDir dir;
    const std::string png = dir.file("leaderboard.png");
    const Run r =
        run_podium(dir, with_db(dir, {"render", "--slide", "leaderboard", "--size", "1280x720",
                                      "--out", png, "--at", "2026-11-25T10:00"}));
    CAPTURE(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    REQUIRE(fs::exists(png));
    CHECK(fs::file_size(png) > 1000);
    const PngSize size = png_size(png);
    CHECK(size.width == 1280);
    CHECK(size.height == 720);
}

TEST_CASE("cli binary: failures exit 1 with a message") {
    TempDir dir;
    SUBCASE("an unwritable --out path") {
        const std::string out = "/nonexistent-dir/x.png";
        REQUIRE_FALSE(fs::exists("/nonexistent-dir"));
        const Run r =
            run_podium(dir, with_db(dir, {"render", "--slide", "leaderboard", "--size", "1280x720",
                                          "--out", out, "--at", "2026-11-25T10:00"}));
        CHECK(r.exit_code == 1);
        CAPTURE(r.err);
        CHECK(contains(r.err, out));
        CHECK(lines_of(r.err).size() == 1);
        CHECK_FALSE(fs::exists(out));
    }
    SUBCASE("a store from a newer Podium") {
        {
            auto store = podium::sync::Store::open(dir.file("podium.db"));
            REQUIRE(store.ok());
            REQUIRE(sqlite3_exec(store.value().raw(), "PRAGMA user_version = 99", nullptr, nullptr,
                                 nullptr) == SQLITE_OK);
        }
        const Run r = run_podium(dir, with_db(dir, kLeaderboardText));
        CHECK(r.exit_code == 1);
        CHECK(r.out.empty());
        CAPTURE(r.err);
        CHECK(contains(r.err, "99"));
        CHECK(contains(r.err, dir.file("podium.db")));
    }
}

// The command-line contract (others script against it): parse_cli on every valid form and every
// usage error. parse_size and parse_local_time are in cli_values_test.cpp, the real binary in
// cli_binary_test.cpp.
#include "cli_support.hpp"
#include "display/app/cli.hpp"

#include <doctest/doctest.h>

#include <initializer_list>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace podium::test::cli_support;
using podium::app::CliOptions;
using podium::app::Command;
using podium::app::parse_cli;
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

TEST_CASE("cli: a bad --slide lists every slide kind, the celebration included") {
    const std::string msg = parse_error(
        {"render", "--slide", "nope", "--size", "1920x1080", "--format", "text"}, {"--slide", "nope"});
    // The list comes from the one table of kinds, so a new kind cannot be left out of it.
    for (SlideKind k : podium::scene::kAllSlides) {
        CAPTURE(podium::scene::slide_kind_name(k));
        CHECK(contains(msg, podium::scene::slide_kind_name(k)));
    }
    CHECK(contains(msg, "celebration"));
}

TEST_CASE("cli: --overlay draws over a PNG, so --format text with it is refused") {
    // Either order; the overlay's tab is valid, only the pair is not.
    parse_error({"render", "--slide", "leaderboard", "--size", "1920x1080", "--format", "text",
                 "--overlay", "status"},
                {"--overlay", "--format text"});
    parse_error({"render", "--overlay", "privacy", "--slide", "results", "--format", "text",
                 "--size", "1280x720"},
                {"--overlay", "--format text"});
    const CliOptions png = parse_ok({"render", "--slide", "leaderboard", "--size", "1920x1080",
                                     "--overlay", "status", "--out", "x.png"});
    CHECK(png.render.overlay.has_value());
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

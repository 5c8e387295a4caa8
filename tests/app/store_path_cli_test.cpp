// The --db rule (issue 16, item 2): the commands that only read (render, plan, export) never
// create a store or its folders, and no command creates the folders of a path it was given; only
// the built-in place ($STATE_DIRECTORY, ~/.local/state/podium) is made by Podium itself.
#include "cli_support.hpp"

#include "sync/store.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace podium::test::cli_support;
namespace fs = std::filesystem;

TEST_CASE("store path: render, plan and export never create a store or its folders") {
    TempDir dir;
    const std::string typo = dir.file("no-such-folder/podium.db");
    const Run render = run_podium(dir, {"--db", typo, "render", "--slide", "leaderboard", "--size",
                                        "1920x1080", "--format", "text"});
    CHECK(render.exit_code == 0);
    CHECK(contains(render.out, "Leaderboard")); // the defaults and the demo, from memory
    const Run plan = run_podium(dir, {"--db", typo, "plan", "--hours", "1"});
    CHECK(plan.exit_code == 0);
    CHECK(contains(plan.out, "leaderboard"));
    const Run exported = run_podium(dir, {"--db", typo, "export"});
    CHECK(exported.exit_code == 1);
    CHECK(exported.out.empty());
    CHECK(exported.err ==
          "podium: no store at " + typo +
              " (nothing to export): check the path; `podium sync` or `podium run` creates it\n");
    // Beside an existing folder too: no file appears.
    const Run beside = run_podium(dir, {"--db", dir.file("podium.db"), "plan", "--hours", "1"});
    CHECK(beside.exit_code == 0);
    CHECK_FALSE(fs::exists(dir.file("no-such-folder")));
    CHECK_FALSE(fs::exists(dir.file("podium.db")));
    CHECK_FALSE(fs::exists(dir.file("env-default.db")));
}

TEST_CASE("store path: a command that writes creates the store file, but not the folders of a path "
          "given") {
    TempDir dir;
    const std::string typo = dir.file("no-such-folder/podium.db");
    const std::string config = dir.write("c.toml", "[display]\nlanguage = \"nl\"\n");
    const Run apply = run_podium(dir, {"--db", typo, "config", "apply", config});
    CHECK(apply.exit_code == 1);
    CHECK(apply.err == "podium: the folder of the store " + typo +
                           " does not exist: check the path, or create the folder first\n");
    CHECK_FALSE(fs::exists(dir.file("no-such-folder")));
    // In an existing folder the store is created, as on a device's first start.
    const Run fresh = run_podium(dir, {"--db", dir.file("podium.db"), "config", "apply", config});
    CHECK(fresh.exit_code == 0);
    CHECK(fs::exists(dir.file("podium.db")));
}

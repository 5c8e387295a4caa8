// `podium admin set-pin`: the PIN from standard input, through the real binary. What it prints,
// its exit codes, and that the PIN shows up nowhere: not in its output, the log, or the store file.
#include "cli_support.hpp"
#include "display/app/cli.hpp"
#include "display/overlay/admin_pin.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>

using namespace podium::test::cli_support;
using podium::overlay::AdminPin;
using podium::overlay::Verdict;

namespace {

constexpr const char* kPin = "739146285017";

podium::sync::Store open(const std::string& path) {
    auto store = podium::sync::Store::open(path);
    REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
    return std::move(store).value();
}

const podium::overlay::Instant kNow =
    std::chrono::sys_days(std::chrono::year(2026) / 11 / 25) + std::chrono::hours(10);

Run set_pin(const TempDir& dir, const std::string& db, const std::string& input) {
    return run_podium(dir, {"--db", db, "admin", "set-pin"}, dir.write("stdin.txt", input));
}

} // namespace

TEST_CASE("admin cli: set-pin reads one line from standard input and stores only its hash") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    // A trailing "\n" or "\r\n" is the end of the line, not part of the PIN; none at all is fine.
    const std::string pin(kPin);
    for (const std::string& input :
         std::vector<std::string>{pin + "\n", pin + "\r\n", pin, pin + "\nignored\n"}) {
        CAPTURE(input);
        const Run r = set_pin(dir, db, input);
        CHECK(r.exit_code == 0);
        CHECK(r.out == "admin PIN set\n");
        CHECK(r.err.empty());
        auto store = open(db);
        AdminPin admin(store);
        CHECK(admin.verify(kPin, kNow).verdict == Verdict::accepted);
    }
    auto store = open(db);
    const auto stored = store.setting("admin.pin");
    REQUIRE(stored);
    CHECK(stored->starts_with("pbkdf2-sha256$200000$"));
    CHECK(stored->find(kPin) == std::string::npos);
    for (const auto& e : store.recent_logs(100)) {
        CAPTURE(e.message);
        CHECK(e.message.find(kPin) == std::string::npos);
    }
    std::ifstream in(db, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    CHECK(bytes.find(kPin) == std::string::npos);
}

TEST_CASE("admin cli: set-pin replaces the PIN and clears a lock-out") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    REQUIRE(set_pin(dir, db, "123456\n").exit_code == 0);
    {
        auto store = open(db);
        AdminPin admin(store);
        for (int i = 0; i < 5; ++i)
            admin.verify("000000", kNow);
        CHECK(admin.verify("123456", kNow).verdict == Verdict::locked_out);
    }
    REQUIRE(set_pin(dir, db, "654321\n").exit_code == 0);
    auto store = open(db);
    AdminPin admin(store);
    CHECK(admin.verify("123456", kNow).verdict == Verdict::rejected);
    CHECK(admin.verify("654321", kNow).verdict == Verdict::accepted);
}

TEST_CASE("admin cli: a PIN that breaks the rule is one line on stderr, exit 1, nothing stored") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    for (const char* input : {"12345\n", "1234567890123\n", "12345a\n", "\n", "", " 123456\n"}) {
        CAPTURE(input);
        const Run r = set_pin(dir, db, input);
        CHECK(r.exit_code == 1);
        CHECK(r.out.empty());
        CHECK(r.err == "podium: a PIN is 6 to 12 digits\n");
    }
    // No stdin at all (/dev/null) is an empty line: refused the same way.
    const Run none = run_podium(dir, {"--db", db, "admin", "set-pin"});
    CHECK(none.exit_code == 1);
    CHECK(lines_of(none.err).size() == 1);
    auto store = open(db);
    CHECK_FALSE(store.setting("admin.pin"));
}

TEST_CASE("admin cli: usage errors exit 2 with one line, and the help documents set-pin") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    for (const std::vector<std::string>& bad : {std::vector<std::string>{"admin"},
                                                {"admin", "reset"},
                                                {"admin", "set-pin", kPin},
                                                {"admin", "--pin", kPin},
                                                {"admin", "set-pin", "--force"}}) {
        auto args = bad;
        args.insert(args.begin(), {"--db", db});
        const Run r = run_podium(dir, args, dir.write("stdin.txt", std::string(kPin) + "\n"));
        CAPTURE(bad.back());
        CHECK(r.exit_code == 2);
        CHECK(lines_of(r.err).size() == 1);
        CHECK(r.out.empty());
    }
    auto store = open(db);
    CHECK_FALSE(store.setting("admin.pin"));

    const auto parsed = podium::app::parse_cli({"--db", "x.db", "admin", "set-pin"});
    REQUIRE(parsed.ok());
    CHECK(parsed.value().command == podium::app::Command::admin);
    CHECK(parsed.value().admin.action == "set-pin");
    CHECK(contains(std::string(podium::app::help_text()), "admin set-pin"));
}

// The admin PIN: set, accept, reject, the growing lock-out and its survival across a restart, and
// that neither the store's settings, its log nor its file ever hold the PIN in clear. Hashes use
// the lowest allowed cost (1000 iterations) so the tests stay fast.
#include "../sync/store_support.hpp"

#include "display/overlay/admin_pin.hpp"

#include <doctest/doctest.h>

#include <climits>
#include <fstream>
#include <iterator>

using namespace podium::test::store_support;
using podium::overlay::AdminPin;
using podium::overlay::Check;
using podium::overlay::Instant;
using podium::overlay::PinHash;
using podium::overlay::Verdict;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

constexpr int kFast = podium::overlay::kMinPinIterations;
constexpr const char* kPin = "739146285017"; // 12 digits: too long to turn up in hex by chance
constexpr const char* kWrong = "111111";

// Wednesday 25 November 2026, 10:00 UTC.
const Instant kT0 =
    std::chrono::sys_days(std::chrono::year(2026) / 11 / 25) + std::chrono::hours(10);

std::string setting(const Store& store, const char* key) {
    return store.setting(key).value_or("<unset>");
}

// Wrong PINs at `at` until the failures-th one; returns the last check.
Check fail_until(AdminPin& admin, int failures, Instant at) {
    Check c;
    for (int i = 0; i < failures; ++i)
        c = admin.verify(kWrong, at);
    return c;
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

} // namespace

TEST_CASE("admin pin: before a PIN is set, verify says no_pin and writes nothing") {
    Store store = open_store(":memory:");
    AdminPin admin(store, kFast);
    CHECK_FALSE(admin.has_pin());
    const Check c = admin.verify("123456", kT0);
    CHECK(c.verdict == Verdict::no_pin);
    CHECK(c.failures == 0);
    CHECK_FALSE(c.locked_until);
    CHECK(count(store.raw(), "settings") == 0);
}

TEST_CASE("admin pin: set, then the right PIN is accepted and a wrong one rejected") {
    Store store = open_store(":memory:");
    AdminPin admin(store, kFast);
    REQUIRE(admin.set_pin(kPin, kT0).ok());
    CHECK(admin.has_pin());
    CHECK(admin.verify(kPin, kT0).verdict == Verdict::accepted);

    const Check wrong = admin.verify("739146285018", kT0);
    CHECK(wrong.verdict == Verdict::rejected);
    CHECK(wrong.failures == 1);
    CHECK_FALSE(wrong.locked_until);
    CHECK(setting(store, "admin.pin_failures") == "1");
    // Not a prefix, not a longer string, not with a newline: only the PIN itself.
    CHECK(admin.verify("73914628501", kT0).verdict == Verdict::rejected);
    CHECK(admin.verify("7391462850170", kT0).verdict == Verdict::rejected);
    CHECK(admin.verify("", kT0).verdict == Verdict::rejected); // 4 wrong: one short of a lock-out

    const Check right = admin.verify(kPin, kT0);
    CHECK(right.verdict == Verdict::accepted);
    CHECK(right.failures == 0);
    CHECK(setting(store, "admin.pin_failures") == "0");
}

TEST_CASE("admin pin: the store holds a salted hash, never the PIN, and reads its cost back") {
    Store a = open_store(":memory:"), b = open_store(":memory:");
    AdminPin admin_a(a, kFast), admin_b(b, kFast);
    REQUIRE(admin_a.set_pin(kPin, kT0).ok());
    REQUIRE(admin_b.set_pin(kPin, kT0).ok());
    const std::string text_a = setting(a, "admin.pin"), text_b = setting(b, "admin.pin");
    CHECK(text_a.starts_with("pbkdf2-sha256$1000$"));
    CHECK(text_a.find(kPin) == std::string::npos);
    CHECK(text_a != text_b); // same PIN, two screens: different salts, different hashes
    const auto parsed = PinHash::parse(text_a);
    REQUIRE(parsed);
    CHECK(parsed->iterations == kFast);
    CHECK(parsed->to_text() == text_a);
    CHECK(text_a.size() == std::string("pbkdf2-sha256$1000$").size() + 32 + 1 + 64);

    SUBCASE("verify takes the cost from the stored hash, not from its own parameter") {
        AdminPin other_cost(a, 5000);
        CHECK(other_cost.verify(kPin, kT0).verdict == Verdict::accepted);
        auto h = podium::overlay::hash_pin(kPin, 2000);
        REQUIRE(h.ok());
        REQUIRE(a.set_setting("admin.pin", h.value().to_text(), "2026-11-25T10:00:00Z").ok());
        CHECK(admin_a.verify(kPin, kT0).verdict == Verdict::accepted);
        CHECK(admin_a.verify("739146285010", kT0).verdict == Verdict::rejected);
    }
    SUBCASE("the default cost is 200000 iterations") {
        AdminPin slow(a);
        REQUIRE(slow.set_pin("24681357", kT0).ok());
        CHECK(setting(a, "admin.pin").starts_with("pbkdf2-sha256$200000$"));
        CHECK(slow.verify("24681357", kT0).verdict == Verdict::accepted);
    }
}

TEST_CASE("admin pin: only 6 to 12 ASCII digits, and a refused PIN stores nothing") {
    Store store = open_store(":memory:");
    AdminPin admin(store, kFast);
    for (const std::string& bad : std::vector<std::string>{
             "12345", "1234567890123", "12345a", "", "abcdef", " 123456", "123456 ", "123456\n",
             "-123456", "１２３４５６" /* full-width digits */,
             std::string("123\0"
                         "456",
                         7)}) {
        CAPTURE(bad);
        const auto st = admin.set_pin(bad, kT0);
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().message == "a PIN is 6 to 12 digits");
    }
    CHECK(count(store.raw(), "settings") == 0);
    CHECK(store.recent_logs(10).empty());
    CHECK(admin.set_pin("123456", kT0).ok());       // 6: the shortest
    CHECK(admin.set_pin("123456789012", kT0).ok()); // 12: the longest
    const std::string before = setting(store, "admin.pin");
    CHECK_FALSE(admin.set_pin("12345", kT0).ok());
    CHECK(setting(store, "admin.pin") == before); // the old PIN stays
    CHECK(admin.verify("123456789012", kT0).verdict == Verdict::accepted);
}

TEST_CASE("admin pin: lockout_after grows 1, 2, 4 … minutes from the 5th failure, capped at 60") {
    using podium::overlay::lockout_after;
    CHECK(lockout_after(0) == minutes(0));
    CHECK(lockout_after(4) == minutes(0));
    CHECK(lockout_after(5) == minutes(1));
    CHECK(lockout_after(6) == minutes(2));
    CHECK(lockout_after(7) == minutes(4));
    CHECK(lockout_after(10) == minutes(32));
    CHECK(lockout_after(11) == minutes(60));
    CHECK(lockout_after(1000) == minutes(60));
    CHECK(lockout_after(INT_MAX) == minutes(60));
}

TEST_CASE("admin pin: five wrong PINs lock out, and each further one locks longer") {
    Store store = open_store(":memory:");
    AdminPin admin(store, kFast);
    REQUIRE(admin.set_pin(kPin, kT0).ok());

    const Check fourth = fail_until(admin, 4, kT0);
    CHECK(fourth.verdict == Verdict::rejected);
    CHECK(fourth.failures == 4);
    CHECK_FALSE(fourth.locked_until);
    // The 5th was checked and is wrong: `rejected`, and it starts the first lock-out.
    const Check fifth = admin.verify(kWrong, kT0);
    CHECK(fifth.verdict == Verdict::rejected);
    CHECK(fifth.failures == 5);
    REQUIRE(fifth.locked_until);
    CHECK(*fifth.locked_until == kT0 + minutes(1));
    CHECK(setting(store, "admin.pin_locked_until") == "2026-11-25T10:01:00Z");
    CHECK(admin.locked_until(kT0 + seconds(30)) == kT0 + minutes(1));

    // During the lock-out even the right PIN is refused, and tries do not count.
    const Check during = admin.verify(kPin, kT0 + seconds(59));
    CHECK(during.verdict == Verdict::locked_out);
    CHECK(during.failures == 5);
    CHECK(during.locked_until == kT0 + minutes(1));
    CHECK(admin.verify(kWrong, kT0 + seconds(59)).failures == 5);

    // Open at +60 s; the next wrong one locks for 2 min, then 4, 8, 16, 32, then the 60 cap.
    CHECK_FALSE(admin.locked_until(kT0 + seconds(60)));
    Instant at = kT0 + seconds(60);
    for (const int wait : {2, 4, 8, 16, 32, 60, 60}) {
        CAPTURE(wait);
        const Check c = admin.verify(kWrong, at);
        CHECK(c.verdict == Verdict::rejected);
        REQUIRE(c.locked_until);
        CHECK(*c.locked_until == at + minutes(wait));
        CHECK(admin.verify(kPin, *c.locked_until - seconds(1)).verdict == Verdict::locked_out);
        at = *c.locked_until;
    }
    CHECK(setting(store, "admin.pin_failures") == "12");

    // The right PIN once the lock-out is over: accepted, and the count starts again.
    const Check ok = admin.verify(kPin, at);
    CHECK(ok.verdict == Verdict::accepted);
    CHECK(ok.failures == 0);
    CHECK_FALSE(ok.locked_until);
    CHECK(setting(store, "admin.pin_locked_until") == "");
    const Check again = admin.verify(kWrong, at);
    CHECK(again.failures == 1);
    CHECK_FALSE(again.locked_until);
}

TEST_CASE("admin pin: failures and the lock-out survive a restart") {
    TempDir dir;
    const std::string path = dir.file("podium.db");
    {
        Store store = open_store(path);
        AdminPin admin(store, kFast);
        REQUIRE(admin.set_pin(kPin, kT0).ok());
        CHECK(fail_until(admin, 4, kT0).failures == 4);
    }
    {
        Store store = open_store(path); // a restart: a new process would see the same file
        AdminPin admin(store, kFast);
        const Check fifth = admin.verify(kWrong, kT0 + seconds(5)); // counts on from 4
        CHECK(fifth.failures == 5);
        CHECK(fifth.locked_until == kT0 + seconds(5) + minutes(1));
    }
    {
        Store store = open_store(path);
        AdminPin admin(store, kFast);
        const Check c = admin.verify(kPin, kT0 + seconds(64));
        CHECK(c.verdict == Verdict::locked_out);
        CHECK(c.locked_until == kT0 + seconds(65));
        CHECK(admin.verify(kPin, kT0 + seconds(65)).verdict == Verdict::accepted);
    }
    Store store = open_store(path);
    CHECK(setting(store, "admin.pin_failures") == "0");
    check_integrity(store.raw());
}

TEST_CASE("admin pin: a clock that went back never makes the lock-out longer than due") {
    Store store = open_store(":memory:");
    AdminPin admin(store, kFast);
    REQUIRE(admin.set_pin(kPin, kT0).ok());
    REQUIRE(fail_until(admin, 5, kT0).locked_until == kT0 + minutes(1));
    // NTP sets the clock a day back: the lock-out ends one minute from then, not a day later.
    const Instant back = kT0 - std::chrono::hours(24);
    const Check c = admin.verify(kPin, back);
    CHECK(c.verdict == Verdict::locked_out);
    CHECK(c.locked_until == back + minutes(1));
    CHECK(admin.verify(kPin, back + minutes(1)).verdict == Verdict::accepted);
}

TEST_CASE("admin pin: an unreadable stored hash refuses every PIN until a new one is set") {
    Store store = open_store(":memory:");
    AdminPin admin(store, kFast);
    for (const char* damaged :
         {"garbage", "pbkdf2-sha256$999$00112233445566778899aabbccddeeff$" /* too cheap */,
          "pbkdf2-sha256$10000001$00112233445566778899aabbccddeeff$00" /* too slow */,
          "sha1$1000$00112233445566778899aabbccddeeff$0011"}) {
        CAPTURE(damaged);
        CHECK_FALSE(PinHash::parse(damaged));
        REQUIRE(store.set_setting("admin.pin", damaged, "2026-11-25T10:00:00Z").ok());
        CHECK(admin.has_pin());
        CHECK(admin.verify(kPin, kT0).verdict == Verdict::rejected);
    }
    const auto logs = store.recent_logs(2); // the error, then the wrong PIN it caused
    REQUIRE(logs.size() == 2);
    CHECK(logs[1].level == "error");
    CHECK(logs[1].message.find("unreadable") != std::string::npos);
    REQUIRE(admin.set_pin(kPin, kT0).ok()); // provisioning again repairs it, and clears failures
    CHECK(admin.verify(kPin, kT0).verdict == Verdict::accepted);
}

TEST_CASE("admin pin: the log says what happened and never holds the PIN") {
    TempDir dir;
    const std::string path = dir.file("podium.db");
    {
        Store store = open_store(path);
        AdminPin admin(store, kFast);
        REQUIRE(admin.set_pin(kPin, kT0).ok());
        fail_until(admin, 5, kT0);
        admin.verify(kPin, kT0 + minutes(1));
        auto logs = store.recent_logs(100);
        std::reverse(logs.begin(), logs.end()); // oldest first
        REQUIRE(logs.size() == 7);
        CHECK(logs[0].message == "admin PIN set");
        CHECK(logs[3].message == "wrong admin PIN (3 of 5)");
        CHECK(logs[3].level == "warning");
        CHECK(logs[5].message ==
              "wrong admin PIN (5 of 5); admin locked out until 2026-11-25T10:01:00Z (1 min)");
        CHECK(logs[6].message == "admin PIN accepted");
        for (const auto& e : logs) {
            CAPTURE(e.message);
            CHECK(e.category == "admin");
            CHECK(e.message.find(kPin) == std::string::npos);
            CHECK(e.message.find(kWrong) == std::string::npos);
            CHECK(e.message.find("pbkdf2") == std::string::npos);
        }
    }
    // Nowhere in the file (or its write-ahead log) either: the PIN never reaches SQLite.
    CHECK(file_bytes(path).find(kPin) == std::string::npos);
    CHECK(file_bytes(path + "-wal").find(kPin) == std::string::npos);
}

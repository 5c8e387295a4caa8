// The admin overlay driven headless with simulated input: the PIN on first use, accepted,
// rejected, the lock-out and its survival across a restart; each tab's validation; save and
// reload; locked keys; auto-close.
#include "overlay_driver.hpp"

#include "display/overlay/settings_draft.hpp"
#include "sync/sqlite.hpp"

#include <doctest/doctest.h>

using namespace podium;
using overlay::AdminOverlay;
using Stage = overlay::AdminOverlay::Stage;
using test::OverlayDriver;
using test::TempDir;

namespace {

sync::Store open_store(const std::string& path) {
    auto s = sync::Store::open(path);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    return std::move(s).value();
}

template <class T>
int count_of(const std::vector<overlay::Action>& actions) {
    return static_cast<int>(std::count_if(actions.begin(), actions.end(),
                                          [](const overlay::Action& a) { return std::holds_alternative<T>(a); }));
}

// Opens the overlay with `pin` already set, and unlocks it by typing the PIN and Enter.
void unlock(OverlayDriver& d, const std::string& pin) {
    d.open();
    d.frame();
    d.frame(); // the PIN field takes the keyboard (ImGui gives focus a frame after asking)
    REQUIRE(d.ui.stage() == Stage::enter_pin);
    d.type(pin);
    d.key(SDL_SCANCODE_RETURN);
    REQUIRE(d.ui.stage() == Stage::unlocked);
}

constexpr const char* kPin = "246813";

} // namespace

TEST_CASE("overlay: first use sets a PIN with the keypad, twice, and unlocks") {
    auto store = open_store(":memory:");
    OverlayDriver d(store);
    d.open();
    d.frame();
    CHECK(d.ui.stage() == Stage::set_pin);
    SUBCASE("a PIN that is too short is refused with the rule") {
        d.keypad("1234");
        d.click("pin.key.OK");
        CHECK(d.ui.stage() == Stage::set_pin);
        CHECK(d.ui.message().find("6 to 12 digits") != std::string::npos);
        CHECK_FALSE(d.session().pin().has_pin());
    }
    SUBCASE("two different PINs start again") {
        d.keypad("135790");
        d.click("pin.key.OK");
        CHECK(d.ui.stage() == Stage::confirm_pin);
        d.keypad("135791");
        d.click("pin.key.OK");
        CHECK(d.ui.stage() == Stage::set_pin);
        CHECK_FALSE(d.session().pin().has_pin());
    }
    SUBCASE("the same PIN twice is stored, hashed, and unlocks") {
        d.keypad("1357900");
        d.click("pin.key.Back"); // a mistyped digit taken back
        d.click("pin.key.OK");
        REQUIRE(d.ui.stage() == Stage::confirm_pin);
        d.type("135790"); // a keyboard works as well as the keypad
        d.key(SDL_SCANCODE_RETURN);
        CHECK(d.ui.stage() == Stage::unlocked);
        REQUIRE(d.session().pin().has_pin());
        CHECK(d.session().pin().verify("135790", d.now).verdict == overlay::Verdict::accepted);
        CHECK(store.setting(overlay::kPinSetting).value().find("135790") == std::string::npos);
        CHECK(d.has("tab.status"));
    }
}

TEST_CASE("overlay: a right PIN unlocks, a wrong one is refused, five lock it out across a restart") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    {
        auto store = open_store(db);
        REQUIRE(overlay::AdminPin(store, OverlayDriver::kPinIterations).set_pin(kPin, test::kOverlayNow).ok());
        OverlayDriver d(store);
        d.open();
        d.frame();
        d.type("111111");
        d.key(SDL_SCANCODE_RETURN);
        CHECK(d.ui.stage() == Stage::enter_pin);
        CHECK(d.ui.message().find("Wrong PIN (1 of 5") != std::string::npos);
        for (int i = 2; i <= 5; ++i) {
            d.keypad("111111");
            d.click("pin.key.OK");
        }
        CHECK(d.ui.stage() == Stage::enter_pin);
        // Locked: even the right PIN is refused, and says for how long.
        d.keypad(kPin);
        d.click("pin.key.OK");
        CHECK(d.ui.stage() == Stage::enter_pin);
        CHECK(d.ui.message().find("Try again in 1:00") != std::string::npos);
    }
    // A restart (a new process: new overlay, new session, the same store file).
    auto store = open_store(db);
    OverlayDriver d(store);
    d.now += std::chrono::seconds(30);
    d.open();
    d.frame();
    d.type(kPin);
    d.key(SDL_SCANCODE_RETURN);
    CHECK(d.ui.stage() == Stage::enter_pin);
    CHECK(d.ui.message().find("Try again in 0:30") != std::string::npos);
    // After the lock-out the right PIN works.
    d.now += std::chrono::seconds(31);
    d.ui.touched(d.now);
    d.frame();
    d.type(kPin);
    d.key(SDL_SCANCODE_RETURN);
    CHECK(d.ui.stage() == Stage::unlocked);
}

TEST_CASE("overlay: each tab validates as it is typed, and nothing invalid is saved") {
    auto store = open_store(":memory:");
    REQUIRE(overlay::AdminPin(store, OverlayDriver::kPinIterations).set_pin(kPin, test::kOverlayNow).ok());
    OverlayDriver d(store);
    unlock(d, kPin);
    auto expect_refused = [&](const std::string& field, const std::string& words) {
        const auto problems = overlay::validate(d.ui.draft());
        REQUIRE_MESSAGE(problems.count(field), "no problem for " << field);
        CHECK(problems.at(field).find(words) != std::string::npos);
        // Save is disabled: pressing it asks for nothing.
        CHECK(count_of<overlay::SaveSettings>(d.click("save")) == 0);
    };
    SUBCASE("playlist: a duration, a window, a date") {
        d.click("tab.playlist");
        d.type_into("playlist.0.duration", "1000");
        expect_refused("playlist.0.duration", "3 to 600");
        d.type_into("playlist.0.duration", "20");
        d.type_into("playlist.1.windows", "mon-fri 08:00-25:00");
        expect_refused("playlist.1.windows", "window 1");
        d.type_into("playlist.1.windows", "mon-fri 08:00-18:00");
        d.type_into("playlist.2.from", "2026-13-01");
        expect_refused("playlist.2.from", "2026-13-01");
        d.type_into("playlist.2.from", "");
        CHECK(overlay::validate(d.ui.draft()).empty());
    }
    SUBCASE("schedule: audience and screen-off windows") {
        d.click("tab.playlist");
        d.click("playlist.section.hours");
        d.click("audience.add");
        d.type_into("audience.0.days", "funday");
        expect_refused("audience.0.days", "funday");
        d.click("screen_off.add");
        d.type_into("screen_off.0.start", "7pm");
        expect_refused("screen_off.0.start", "7pm");
    }
    SUBCASE("data source: the source and the interval") {
        d.click("tab.source");
        d.type_into("source", "ftp://example.com/feed.json");
        expect_refused("source", "ftp");
        d.type_into("source", "https://example.com/feed.json");
        d.type_into("interval", "10");
        expect_refused("interval", "30");
    }
    SUBCASE("display: text size and time zone") {
        d.click("tab.display");
        d.type_into("text_size", "3");
        expect_refused("text_size", "0.75 to 1.5");
        d.type_into("text_size", "1.25");
        d.type_into("time_zone", "Europe/Atlantis");
        expect_refused("time_zone", "Atlantis");
    }
    CHECK(store.recent_audit(10).empty()); // nothing was saved
}

TEST_CASE("overlay: a save writes every change at once with its audit rows, and reopening shows it") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    auto store = open_store(db);
    REQUIRE(overlay::AdminPin(store, OverlayDriver::kPinIterations).set_pin(kPin, test::kOverlayNow).ok());
    {
        OverlayDriver d(store, dir.file("sync-token"));
        unlock(d, kPin);
        d.click("tab.display");
        d.click("text_size.larger");
        d.click("transition.slide");
        d.click("theme.light");
        d.click("rotation.90");
        d.click("tab.privacy");
        d.click("privacy.public.teams"); // visitors no longer see teams
        d.click("tab.source");
        d.type_into("source", "https://example.com/feed.json");
        d.type_into("token", "s3cret-token");
        const auto actions = d.click("save");
        REQUIRE(count_of<overlay::SaveSettings>(actions) == 1);
        CHECK(d.ui.message().find("Saved") != std::string::npos);
    }
    CHECK(store.setting("display.text_size") == "1.05");
    CHECK(store.setting("display.transition") == "slide");
    CHECK(store.setting("display.theme") == "light");
    CHECK(store.setting("display.rotation") == "90");
    CHECK(store.setting("privacy.public.teams") == "false");
    CHECK(store.setting("sync.source") == "https://example.com/feed.json");
    CHECK(store.setting("sync.token_file") == dir.file("sync-token"));
    CHECK(test::read_bytes(dir.file("sync-token")) == std::vector<unsigned char>{
                                                         's', '3', 'c', 'r', 'e', 't', '-', 't', 'o', 'k', 'e', 'n', '\n'});
    const auto audit = store.recent_audit(50);
    auto row = [&](const std::string& key) {
        for (const auto& a : audit)
            if (a.key == key) return a;
        FAIL("no audit row for " << key);
        return sync::AuditEntry{};
    };
    CHECK(row("display.text_size").old_value == std::nullopt);
    CHECK(row("display.text_size").new_value == "1.05");
    CHECK(row("privacy.public.teams").new_value == "false");
    CHECK(row("display.transition").actor == "overlay");
    // The token's text is nowhere in the store: not in settings, not in the audit log.
    for (const auto& a : audit) {
        CHECK(a.new_value.value_or("").find("s3cret") == std::string::npos);
        CHECK(a.old_value.value_or("").find("s3cret") == std::string::npos);
    }
    // Unchanged settings are not written: only what changed has a row.
    CHECK(audit.size() == 8); // text size, transition, theme, rotation, teams, source, token file and time
    // Reopened (after a restart), the overlay shows what was saved.
    auto again = open_store(db);
    OverlayDriver d(again);
    unlock(d, kPin);
    CHECK(d.ui.draft().text_size == "1.05");
    CHECK(d.ui.draft().transition == scene::Transition::slide);
    CHECK_FALSE(d.ui.draft().privacy_public.show_teams);
    // And the CSV export has the rows, oldest first, quoted where needed.
    const std::string csv = dir.file("audit.csv");
    REQUIRE(d.session().export_log(overlay::LogKind::audit, csv).ok());
    const auto bytes = test::read_bytes(csv);
    const std::string text(bytes.begin(), bytes.end());
    CHECK(text.rfind("at,actor,setting,old_value,new_value\r\n", 0) == 0);
    CHECK(text.find("overlay,display.text_size,,1.05\r\n") != std::string::npos);
    CHECK(text.find("s3cret") == std::string::npos);
}

TEST_CASE("overlay: a save is one transaction: when part of it fails, nothing changes") {
    auto store = open_store(":memory:");
    REQUIRE(store.set_setting("display.text_size", "1", "2026-11-25T09:00:00Z").ok());
    // The audit table gone (a damaged store): the settings must not change without their rows.
    sync::exec(store.raw(), "DROP TABLE audit_log");
    const auto st = store.set_settings_audited({{"display.text_size", "1.25"}, {"display.transition", "slide"}},
                                               "2026-11-25T10:00:00Z", "overlay");
    CHECK_FALSE(st.ok());
    CHECK(store.setting("display.text_size") == "1");
    CHECK_FALSE(store.setting("display.transition").has_value());
}

TEST_CASE("overlay: managed keys are shown locked and cannot be saved") {
    auto store = open_store(":memory:");
    REQUIRE(overlay::AdminPin(store, OverlayDriver::kPinIterations).set_pin(kPin, test::kOverlayNow).ok());
    REQUIRE(store.set_settings({{"display.text_size", "1.25"}, {"config.managed_keys", "display.text_size,sync.source"}},
                               "2026-11-25T09:00:00Z")
                .ok());
    OverlayDriver d(store);
    unlock(d, kPin);
    d.click("tab.display");
    d.click("text_size.larger"); // disabled: a press does nothing
    CHECK(d.ui.draft().text_size == "1.25");
    // Even asked directly, the session refuses a locked key and saves nothing.
    const auto st = d.session().save({{{"display.text_size", "1.5"}}, ""}, overlay::managed_keys(store), d.now);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message.find("managed config") != std::string::npos);
    CHECK(store.setting("display.text_size") == "1.25");
    // An unlocked key next to it still saves.
    d.click("transition.slide");
    CHECK(count_of<overlay::SaveSettings>(d.click("save")) == 1);
    CHECK(store.setting("display.transition") == "slide");
}

TEST_CASE("overlay: it closes itself after two minutes without input, and locks again") {
    auto store = open_store(":memory:");
    REQUIRE(overlay::AdminPin(store, OverlayDriver::kPinIterations).set_pin(kPin, test::kOverlayNow).ok());
    OverlayDriver d(store);
    unlock(d, kPin);
    d.click("tab.display");
    d.click("text_size.larger"); // an unsaved edit
    d.now += std::chrono::seconds(119);
    CHECK(count_of<overlay::Closed>(d.frame()) == 0);
    CHECK(d.ui.is_open());
    d.now += std::chrono::seconds(1);
    const auto actions = d.frame();
    REQUIRE(count_of<overlay::Closed>(actions) == 1);
    CHECK(std::get<overlay::Closed>(actions.front()).idle);
    CHECK_FALSE(d.ui.is_open());
    CHECK(d.ui.widgets().empty()); // nothing of it is drawn any more
    CHECK(d.ui.draft() == overlay::SettingsDraft{}); // the edit did not outlive it
    CHECK_FALSE(store.setting("display.text_size").has_value());
    d.open();
    d.frame();
    CHECK(d.ui.stage() == Stage::enter_pin); // the PIN again
}

TEST_CASE("overlay: the privacy tab previews the slide with the settings being edited") {
    auto store = open_store(":memory:");
    REQUIRE(overlay::AdminPin(store, OverlayDriver::kPinIterations).set_pin(kPin, test::kOverlayNow).ok());
    OverlayDriver d(store);
    unlock(d, kPin);
    d.click("tab.privacy");
    REQUIRE_FALSE(d.previews.empty());
    CHECK(d.previews.back().audience == scene::Audience::visitors);
    CHECK(d.previews.back().privacy.visitors.show_teams);
    d.click("privacy.public.teams");
    CHECK_FALSE(d.previews.back().privacy.visitors.show_teams);
    const auto asked = d.previews.size();
    d.frame();
    CHECK(d.previews.size() == asked); // asked once per change, not every frame
    d.click("preview.internal");
    CHECK(d.previews.back().audience == scene::Audience::internal);
}

TEST_CASE("overlay: the corner press opens after three seconds held in the corner only") {
    overlay::CornerPress corner;
    SDL_Event down{};
    down.type = SDL_MOUSEBUTTONDOWN;
    down.button.button = SDL_BUTTON_LEFT;
    down.button.x = 40;
    down.button.y = 30;
    corner.on_event(down, 1920, 1080, 1000);
    CHECK(corner.due() == 4000);
    CHECK_FALSE(corner.fired(3999));
    CHECK(corner.fired(4000));
    CHECK_FALSE(corner.fired(4100)); // once
    // Released early, or dragged out of the corner: nothing.
    corner.on_event(down, 1920, 1080, 5000);
    SDL_Event up{};
    up.type = SDL_MOUSEBUTTONUP;
    corner.on_event(up, 1920, 1080, 6000);
    CHECK_FALSE(corner.fired(9000));
    corner.on_event(down, 1920, 1080, 10000);
    SDL_Event move{};
    move.type = SDL_MOUSEMOTION;
    move.motion.x = 600;
    move.motion.y = 400;
    corner.on_event(move, 1920, 1080, 10500);
    CHECK_FALSE(corner.fired(14000));
    // A press elsewhere does not count.
    down.button.x = 900;
    corner.on_event(down, 1920, 1080, 20000);
    CHECK_FALSE(corner.fired(24000));
}

TEST_CASE("overlay: F12 and Ctrl+Alt+A open it; other keys do not") {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = SDLK_F12;
    CHECK(overlay::is_open_shortcut(e));
    e.key.keysym.sym = SDLK_a;
    e.key.keysym.mod = KMOD_LCTRL | KMOD_LALT;
    CHECK(overlay::is_open_shortcut(e));
    e.key.keysym.mod = KMOD_LCTRL;
    CHECK_FALSE(overlay::is_open_shortcut(e));
    e.key.keysym.sym = SDLK_ESCAPE;
    e.key.keysym.mod = KMOD_NONE;
    CHECK_FALSE(overlay::is_open_shortcut(e));
}

TEST_CASE("overlay: the privacy tab steps team_min within its range, previews it and saves it") {
    auto store = open_store(":memory:");
    REQUIRE(overlay::AdminPin(store, OverlayDriver::kPinIterations).set_pin(kPin, test::kOverlayNow).ok());
    OverlayDriver d(store);
    unlock(d, kPin);
    d.click("tab.privacy");
    CHECK(d.previews.back().privacy.visitors.team_min == 5);
    d.click("privacy.public.team_min.more");
    CHECK(d.previews.back().privacy.visitors.team_min == 6);
    for (int i = 0; i < 10; ++i) d.click("privacy.public.team_min.fewer");
    CHECK(d.ui.draft().privacy_public.team_min == 1); // never below one champion
    d.click("privacy.public.team_min.more");
    REQUIRE(count_of<overlay::SaveSettings>(d.click("save")) == 1);
    CHECK(store.setting("privacy.public.team_min") == "2");
    CHECK_FALSE(store.setting("privacy.internal.team_min").has_value()); // unchanged: not written
}

// The mailbox between sync and the render thread: the sync thread filters a new snapshot for
// what the screen shows now, so the render thread does not stop between two slides to do it.
#include "display/app/snapshot_mailbox.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <thread>

using namespace podium;

namespace {

model::SnapshotPtr snapshot(int version) {
    auto s = std::make_shared<model::Snapshot>();
    s->meta.data_version = version;
    s->feed.champions = {test::champion("named", "Sanne de Vries", "Tax", {true, true, false}),
                         test::champion("internal-only", "Xanthippe Quorra", "Audit", {true, false, false})};
    s->feed.monthly = {test::figures("named", {2026, 11}, 100), test::figures("internal-only", {2026, 11}, 900)};
    return s;
}

const scene::ViewChampion* named(const scene::View& v, std::string_view key) {
    const auto* c = v.champion(key);
    return c && c->named ? c : nullptr;
}

} // namespace

TEST_CASE("a snapshot put by sync comes out filtered for the audience and rules on screen") {
    app::SnapshotMailbox box;
    app::Viewing viewing;
    viewing.audience = scene::Audience::visitors;
    viewing.privacy.visitors.names = scene::NameFormat::initials;
    box.viewing(viewing);

    std::thread sync([&] { box.put(snapshot(7)); }); // from another thread, as sync does
    sync.join();
    auto p = box.take();
    REQUIRE(p);
    CHECK(p->snapshot->meta.data_version == 7);
    CHECK(p->viewing == viewing);
    REQUIRE(p->view);
    CHECK(p->view->audience == scene::Audience::visitors);
    // Visitors: the consenting colleague by the rules' initials, the other not by name at all.
    REQUIRE(named(*p->view, "named"));
    CHECK(named(*p->view, "named")->display_name == "SV");
    CHECK_FALSE(named(*p->view, "internal-only"));
    for (const auto& c : p->view->champions) CHECK(c.display_name.find("Xanthippe") == std::string::npos);
    CHECK_FALSE(box.take()); // taken once
}

TEST_CASE("the view follows the latest viewing, and a newer snapshot replaces one not yet taken") {
    app::SnapshotMailbox box;
    box.put(snapshot(1));
    auto p = box.take();
    REQUIRE(p);
    CHECK_FALSE(p->view); // nothing on screen yet: the render thread filters it when needed

    app::Viewing internal;
    internal.audience = scene::Audience::internal;
    box.viewing(internal);
    box.put(snapshot(2));
    box.put(snapshot(3));
    p = box.take();
    REQUIRE(p);
    CHECK(p->snapshot->meta.data_version == 3);
    REQUIRE(p->view);
    CHECK(p->view->audience == scene::Audience::internal);
    REQUIRE(named(*p->view, "internal-only"));
    CHECK(named(*p->view, "internal-only")->display_name == "Xanthippe Quorra");
}

TEST_CASE("nothing put, nothing taken; a null snapshot is not news") {
    app::SnapshotMailbox box;
    CHECK_FALSE(box.take());
    box.put(nullptr);
    CHECK_FALSE(box.take());
}

#include "snapshot_mailbox.hpp"

#include <utility>

namespace podium::app {

void SnapshotMailbox::viewing(const Viewing& v) {
    std::lock_guard lock(mutex_);
    viewing_ = v;
}

void SnapshotMailbox::put(model::SnapshotPtr s) {
    if (!s) return;
    std::optional<Viewing> v;
    {
        std::lock_guard lock(mutex_);
        v = viewing_;
    }
    Prepared p{std::move(s), v.value_or(Viewing{}), std::nullopt};
    if (v) p.view = scene::make_view(*p.snapshot, v->audience, v->privacy, v->lang);
    std::lock_guard lock(mutex_);
    latest_ = std::move(p);
}

std::optional<Prepared> SnapshotMailbox::take() {
    std::lock_guard lock(mutex_);
    return std::exchange(latest_, std::nullopt);
}

} // namespace podium::app

// Numbered migrations of the local store. Append only: a released migration never changes.
#pragma once

#include <array>
#include <cstdint>

namespace podium::sync {

// The SQLite header's application id of a Podium store ("PODM"), set by migration 4: what tells
// a Podium store from any other file given as --db (store_identity.hpp).
inline constexpr std::uint32_t kApplicationId = 0x504F444D;

inline constexpr std::array<const char*, 4> kMigrations = {
    // 1: the feed (version 1), settings and logs.
    R"sql(
CREATE TABLE organisation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    headcount INTEGER,
    currency TEXT NOT NULL,
    champion_goal_percent REAL NOT NULL,
    generated_at TEXT NOT NULL
);
CREATE TABLE champions (
    position INTEGER NOT NULL,
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    team TEXT NOT NULL,
    photo TEXT NOT NULL,
    consent_internal INTEGER NOT NULL,
    consent_public INTEGER NOT NULL,
    consent_photo INTEGER NOT NULL
);
CREATE TABLE monthly (
    position INTEGER NOT NULL,
    champion TEXT NOT NULL REFERENCES champions(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    followers INTEGER NOT NULL, updates INTEGER NOT NULL, interactions INTEGER NOT NULL,
    reach INTEGER NOT NULL, clicks INTEGER NOT NULL, profile_views INTEGER NOT NULL,
    leads INTEGER NOT NULL, proposals INTEGER NOT NULL, deals INTEGER NOT NULL,
    applicants INTEGER NOT NULL, hires INTEGER NOT NULL,
    deal_value_cents INTEGER NOT NULL,
    PRIMARY KEY (champion, month)
);
CREATE TABLE successes (
    position INTEGER PRIMARY KEY,
    champion TEXT NOT NULL REFERENCES champions(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    story TEXT NOT NULL,
    value REAL NOT NULL
);
CREATE TABLE investment (
    position INTEGER NOT NULL,
    month TEXT PRIMARY KEY,
    hours REAL NOT NULL,
    cost REAL NOT NULL
);
CREATE TABLE feed_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data_version INTEGER NOT NULL,
    source TEXT NOT NULL,
    is_demo INTEGER NOT NULL,
    applied_at TEXT NOT NULL
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE logs (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    level TEXT NOT NULL,
    category TEXT NOT NULL,
    message TEXT NOT NULL
);
)sql",
    // 2: every sync attempt, and the HTTP validators of the applied feed (conditional requests).
    R"sql(
CREATE TABLE sync_attempts (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    source TEXT NOT NULL,
    outcome TEXT NOT NULL,
    error TEXT NOT NULL,
    seconds REAL NOT NULL,
    rows INTEGER NOT NULL
);
ALTER TABLE feed_meta ADD COLUMN etag TEXT NOT NULL DEFAULT '';
ALTER TABLE feed_meta ADD COLUMN last_modified TEXT NOT NULL DEFAULT '';
)sql",
    // 3: the admin overlay's audit log (every settings change: what, old and new value, when,
    // by whom) and the play log (which slide played when, for which audience, on which data).
    R"sql(
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    key TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE TABLE play_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    slide TEXT NOT NULL,
    audience TEXT NOT NULL,
    data_version INTEGER NOT NULL
);
)sql",
    // 4: the application id (kApplicationId, "PODM"), so that a damaged store is still known as
    // Podium's by its header, and no other program's file is ever taken for one.
    R"sql(
PRAGMA application_id = 1347372109;
)sql",
};

} // namespace podium::sync

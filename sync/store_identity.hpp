// Whether a file given as the store (--db, $PODIUM_DB) is a Podium store. Podium changes only
// its own files: a store is migrated, and a damaged store moved aside and rebuilt, only when
// the file says it is one. Any other file (a TOML config, another program's database) is refused
// and left as it is, byte for byte.
//
// The rule, in order:
//   - a SQLite database whose header carries Podium's application id ("PODM", since schema 4);
//   - one without an application id that holds the tables of an older Podium (schema 1 to 3);
//   - one without an application id and without any table: nothing in it to lose (a 0-byte
//     file is such a database for SQLite), so it becomes a store;
//   - a file SQLite cannot read (damaged) was a Podium store when its header still carries the
//     application id, or when its bytes still hold Podium's schema as SQLite writes it (the
//     record of the feed_meta table): a damaged page or a truncated file keeps the header; a
//     garbage header keeps the schema on the pages after it.
//   - anything else is not a Podium store. Random bytes say nothing of what they were, and a
//     file's name or a -wal beside it are no proof either, so such a file is refused.
#pragma once

#include <string>

struct sqlite3;

namespace podium::sync {

// For a connection opened on an existing file, before anything is written to it: "" when it is
// a Podium store or an empty database, else what it is instead ("a SQLite database of another
// program (application id 0x12345678)"). Throws SqlError when the file cannot be read.
std::string foreign_database(sqlite3* db);

// For a file that SQLite cannot read as it is: whether its bytes show it was a Podium store.
bool was_podium_store(const std::string& path);

// What the file at `path` is, when its bytes alone show that it is not a Podium store: not a
// SQLite database and no trace of Podium's schema ("not a SQLite database"), or a database with
// another program's application id. "" otherwise (missing, empty, a Podium store, or a database
// without an id, for foreign_database to tell). Never opens the file with SQLite, which could
// create or remove files beside it (-shm, -wal).
std::string foreign_by_bytes(const std::string& path);

// The refusal, in one line: "the file PATH is not a Podium store (WHAT); it was left as it is …".
std::string not_a_store(const std::string& path, const std::string& what);

} // namespace podium::sync

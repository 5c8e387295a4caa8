// A real PostgreSQL server for the tests, started by the test run itself (house-style.md): the
// first use runs initdb into a fresh temporary folder and starts `postgres` on 127.0.0.1 with a
// free port; at process exit the server is stopped (immediate shutdown) and the folder removed.
//
// Binaries: $PODIUM_PG_BINDIR if set, else the highest version under /usr/lib/postgresql/*/bin
// (Debian's postgresql-NN package). PostgreSQL refuses to run as root: under root the server runs
// as the `postgres` system user. The server also gets SIGQUIT (immediate shutdown) if the test
// process dies without running its exit handlers, so no server outlives a crashed run (this
// follows the thread that first called shared(): call it from the main thread).
//
// Roles: `postgres` (superuser, for exec) and `podium` (owner of database `podium`), both by
// trust on 127.0.0.1. Members of the role `password_users` must give their password
// (scram-sha-256), for tests of authentication failures.
#pragma once

#include <string>

namespace podium::test {

class PostgresServer {
  public:
    // The one server of this process, started on first use. When it cannot start (no binaries,
    // initdb fails, not ready within 20 s) this throws std::runtime_error saying what is missing,
    // and so does every later call: a test that needs PostgreSQL fails, it is never skipped.
    static PostgresServer& shared();

    // key=value conninfo for user podium, database podium, over TCP:
    // "host=127.0.0.1 port=54321 user=podium dbname=podium"; append " options=..." freely.
    std::string conninfo() const;
    int port() const { return port_; }

    // Runs SQL (one statement or several, separated by ';') as the superuser in database podium,
    // on a connection of its own; throws std::runtime_error with the server's message. Safe to
    // call from several threads at once.
    void exec(const std::string& sql) const;
    // Like exec, for a query: its first row's first column as text ("" when there is no row).
    std::string query_value(const std::string& sql) const;

    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;
    ~PostgresServer();

  private:
    PostgresServer();
    void start_server();
    void stop_server();

    std::string bin_dir_;
    std::string dir_; // the temporary folder: data/, the socket, the logs
    int server_pid_ = -1;
    int port_ = 0;
    bool as_postgres_user_ = false; // running as root
    unsigned run_uid_ = 0;
    unsigned run_gid_ = 0;
};

} // namespace podium::test

// Starting, using and stopping the tests' PostgreSQL server; see postgres_server.hpp.
#include "postgres_server.hpp"

// The test target reaches libpq through podium_sync, which links it privately: the library comes
// along, its include folder may not. Debian keeps the header in /usr/include/postgresql.
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace podium::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr auto kReadyTimeout = std::chrono::seconds(20);
constexpr auto kInitdbTimeout = std::chrono::seconds(60);
constexpr auto kStopTimeout = std::chrono::seconds(10);
constexpr int kStartAttempts = 3; // another process may take the free port before postgres does

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("PostgreSQL test server: " + what);
}

std::string tail_of(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    return all.size() > 2000 ? "…" + all.substr(all.size() - 2000) : all;
}

// "15" > "9.6" > "9.5": compare the dotted numbers, not the text.
std::vector<int> version_of(const std::string& name) {
    std::vector<int> parts;
    std::stringstream in(name);
    std::string part;
    while (std::getline(in, part, '.'))
        parts.push_back(std::atoi(part.c_str()));
    return parts;
}

std::string find_bin_dir() {
    if (const char* dir = std::getenv("PODIUM_PG_BINDIR")) {
        if (!fs::exists(fs::path(dir) / "initdb") || !fs::exists(fs::path(dir) / "postgres"))
            fail(std::string("PODIUM_PG_BINDIR=") + dir + " holds no initdb and postgres");
        return dir;
    }
    const fs::path root = "/usr/lib/postgresql";
    std::optional<fs::path> best;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        const fs::path bin = entry.path() / "bin";
        if (!fs::exists(bin / "initdb") || !fs::exists(bin / "postgres")) continue;
        if (!best || version_of(entry.path().filename()) > version_of(best->filename()))
            best = entry.path();
    }
    if (!best)
        fail("no initdb and postgres under /usr/lib/postgresql/*/bin (install the Debian package "
             "postgresql, or set PODIUM_PG_BINDIR to the folder that holds them)");
    return (*best / "bin").string();
}

int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) fail("socket() failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
    close(fd);
    if (!ok) fail("cannot bind a free port on 127.0.0.1");
    return ntohs(addr.sin_port);
}

struct RunAs {
    bool switch_user = false;
    uid_t uid = 0;
    gid_t gid = 0;
};

// fork + exec with stdout and stderr into log. Between fork and exec only async-signal-safe
// calls: the test process may have threads.
pid_t spawn(const std::vector<std::string>& argv, const std::string& log, RunAs as,
            bool die_with_parent) {
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) fail("fork() failed");
    if (pid > 0) return pid;
    const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    const int in = open("/dev/null", O_RDONLY);
    if (out < 0 || in < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0) _exit(125);
    if (as.switch_user &&
        (setgroups(0, nullptr) != 0 || setgid(as.gid) != 0 || setuid(as.uid) != 0))
        _exit(126);
    // After setuid: a change of credentials clears the parent-death signal.
    if (die_with_parent && (prctl(PR_SET_PDEATHSIG, SIGQUIT) != 0 || getppid() != parent))
        _exit(125);
    execv(args[0], args.data());
    _exit(127);
}

// The exit status, or nullopt when the process still runs after timeout.
std::optional<int> wait_for(pid_t pid, Clock::duration timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        int status = 0;
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid || done < 0) return done < 0 ? -1 : status;
        if (Clock::now() > deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

void run_command(const std::vector<std::string>& argv, const std::string& log, RunAs as,
                 Clock::duration timeout) {
    const pid_t pid = spawn(argv, log, as, /*die_with_parent=*/true);
    const auto status = wait_for(pid, timeout);
    if (!status) {
        kill(pid, SIGKILL);
        wait_for(pid, kStopTimeout);
        fail(argv[0] + " did not finish in time; its log:\n" + tail_of(log));
    }
    if (WIFEXITED(*status) && WEXITSTATUS(*status) == 0) return;
    // 125..127 are spawn's own: the child never reached the program.
    const int code = WIFEXITED(*status) ? WEXITSTATUS(*status) : -1;
    const std::string why = code == 126   ? "cannot switch to the postgres user"
                            : code == 127 ? "cannot execute it"
                            : code == 125 ? "cannot set up its output"
                                          : "status " + std::to_string(*status);
    fail(argv[0] + " failed (" + why + "); its log:\n" + tail_of(log));
}

void write_file(const std::string& path, const std::string& text, RunAs as) {
    std::ofstream(path) << text;
    if (as.switch_user && chown(path.c_str(), as.uid, as.gid) != 0) fail("cannot chown " + path);
}

void ignore_notice(void*, const char*) {} // "schema ... does not exist, skipping" and the like

std::string exec_sql(const std::string& conninfo, const std::string& sql) {
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(conninfo.c_str()), PQfinish);
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK)
        fail("cannot connect as the superuser: " +
             std::string(conn ? PQerrorMessage(conn.get()) : "out of memory"));
    PQsetNoticeProcessor(conn.get(), ignore_notice, nullptr);
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), PQclear);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
        throw std::runtime_error("SQL failed: " + std::string(PQerrorMessage(conn.get())) +
                                 "in: " + sql);
    return status == PGRES_TUPLES_OK && PQntuples(result.get()) > 0 && PQnfields(result.get()) > 0
               ? PQgetvalue(result.get(), 0, 0)
               : "";
}

} // namespace

PostgresServer& PostgresServer::shared() {
    static std::string failure;
    // Destroyed at exit, which stops the server. A failed start is remembered, not retried: each
    // retry would cost the full timeout again.
    static const std::unique_ptr<PostgresServer> server = []() -> std::unique_ptr<PostgresServer> {
        try {
            return std::unique_ptr<PostgresServer>(new PostgresServer());
        } catch (const std::exception& e) {
            failure = e.what();
            return nullptr;
        }
    }();
    if (!server) throw std::runtime_error(failure);
    return *server;
}

PostgresServer::PostgresServer() {
    bin_dir_ = find_bin_dir();
    if (geteuid() == 0) {
        const passwd* pw = getpwnam("postgres");
        if (!pw)
            fail("running as root, which PostgreSQL refuses, and there is no `postgres` system "
                 "user to run it as (the Debian package postgresql creates one)");
        as_postgres_user_ = true;
        run_uid_ = pw->pw_uid;
        run_gid_ = pw->pw_gid;
    }
    // Under root the folder must be reachable by postgres: /tmp, not root's own TMPDIR.
    const fs::path base = as_postgres_user_ ? fs::path("/tmp") : fs::temp_directory_path();
    std::string pattern = (base / "podium-pg-XXXXXX").string();
    if (!mkdtemp(pattern.data())) fail("cannot create a temporary folder under " + base.string());
    dir_ = pattern;
    try {
        const RunAs as{as_postgres_user_, run_uid_, run_gid_};
        if (as.switch_user && chown(dir_.c_str(), as.uid, as.gid) != 0)
            fail("cannot chown " + dir_ + " to postgres");
        run_command({bin_dir_ + "/initdb", "-D", dir_ + "/data", "-U", "postgres", "-A", "trust",
                     "-E", "UTF8", "--no-locale", "-N"},
                    dir_ + "/initdb.log", as, kInitdbTimeout);
        write_file(dir_ + "/data/pg_hba.conf",
                   "local all all trust\n"
                   "host all +password_users 127.0.0.1/32 scram-sha-256\n"
                   "host all all 127.0.0.1/32 trust\n",
                   as);
        start_server();
        const std::string admin = "host=127.0.0.1 port=" + std::to_string(port_) +
                                  " user=postgres dbname=postgres connect_timeout=10";
        exec_sql(admin, "CREATE ROLE podium LOGIN");
        exec_sql(admin, "CREATE ROLE password_users NOLOGIN");
        exec_sql(admin, "CREATE DATABASE podium OWNER podium"); // not in a transaction block
    } catch (...) {
        stop_server();
        std::error_code ec;
        fs::remove_all(dir_, ec);
        throw;
    }
}

void PostgresServer::start_server() {
    const RunAs as{as_postgres_user_, run_uid_, run_gid_};
    const std::string log = dir_ + "/postgres.log";
    for (int attempt = 1;; ++attempt) {
        port_ = free_port();
        // fsync and friends off: a test server's data need not survive a power cut.
        server_pid_ =
            spawn({bin_dir_ + "/postgres", "-D", dir_ + "/data", "-p", std::to_string(port_), "-k",
                   dir_, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c",
                   "synchronous_commit=off", "-c", "full_page_writes=off"},
                  log, as, /*die_with_parent=*/true);
        const std::string ping = "host=127.0.0.1 port=" + std::to_string(port_) +
                                 " user=postgres dbname=postgres connect_timeout=2";
        const auto deadline = Clock::now() + kReadyTimeout;
        bool exited = false;
        while (!exited && Clock::now() < deadline) {
            if (PQping(ping.c_str()) == PQPING_OK) return;
            exited = wait_for(server_pid_, Clock::duration::zero()).has_value();
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (!exited) stop_server();
        server_pid_ = -1;
        const std::string text = tail_of(log);
        if (exited && attempt < kStartAttempts && text.find("could not bind") != std::string::npos)
            continue;
        fail(std::string(exited ? "postgres exited" : "postgres did not become ready") +
             " within " + std::to_string(kReadyTimeout.count()) + " s (" + bin_dir_ +
             "/postgres, port " + std::to_string(port_) + "); its log:\n" + text);
    }
}

// SIGQUIT is PostgreSQL's immediate shutdown: nothing to flush for a test server.
void PostgresServer::stop_server() {
    if (server_pid_ <= 0) return;
    const auto pid = static_cast<pid_t>(server_pid_);
    server_pid_ = -1;
    kill(pid, SIGQUIT);
    if (!wait_for(pid, kStopTimeout)) {
        kill(pid, SIGKILL);
        wait_for(pid, kStopTimeout);
    }
}

PostgresServer::~PostgresServer() {
    stop_server();
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

std::string PostgresServer::conninfo() const {
    return "host=127.0.0.1 port=" + std::to_string(port_) + " user=podium dbname=podium";
}

void PostgresServer::exec(const std::string& sql) const {
    query_value(sql);
}

std::string PostgresServer::query_value(const std::string& sql) const {
    // statement_timeout keeps a test that waits on a lock from hanging the run.
    return exec_sql("host=127.0.0.1 port=" + std::to_string(port_) +
                        " user=postgres dbname=podium connect_timeout=10"
                        " options='-c statement_timeout=60s'",
                    sql);
}

} // namespace podium::test

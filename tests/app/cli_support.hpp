// Shared by the command-line tests: running the real podium binary in a temporary folder (its own
// --db, so the user's store is never touched) and reading what it printed and wrote.
#pragma once

#include "../support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <regex>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace podium::test::cli_support {

inline bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

// ---- running the binary ----

using TempDir = podium::test::TempDir;

struct Run {
    int exit_code = -1; // -1: killed (timeout or signal)
    std::string out, err;
};

inline constexpr auto kTimeout = std::chrono::seconds(20); // each command takes well under 2 s

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        if (end == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// Runs PODIUM_BINARY with `args`, capturing stdout and stderr; killed after kTimeout. The child's
// environment points PODIUM_DB into `dir` and drops STATE_DIRECTORY, so even a command without
// --db cannot reach the user's store. Standard input is the file `stdin_path` (e.g. one written
// with dir.write(); a file, not a pipe, so a child that never reads cannot block the test).
inline Run run_podium(const TempDir& dir, const std::vector<std::string>& args,
                      const std::string& stdin_path = "/dev/null") {
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) {
        const std::string_view var(*e);
        if (var.starts_with("PODIUM_DB=") || var.starts_with("STATE_DIRECTORY=")) continue;
        env_strings.emplace_back(var);
    }
    env_strings.push_back("PODIUM_DB=" + dir.file("env-default.db"));
    std::vector<char*> envp;
    for (auto& s : env_strings)
        envp.push_back(s.data());
    envp.push_back(nullptr);

    std::vector<std::string> argv_strings{PODIUM_BINARY};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : argv_strings)
        argv.push_back(s.data());
    argv.push_back(nullptr);

    int out_pipe[2], err_pipe[2];
    REQUIRE(::pipe2(out_pipe, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(err_pipe, O_CLOEXEC) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, PODIUM_BINARY, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (rc != 0) {
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        FAIL("cannot spawn " << PODIUM_BINARY << ": " << std::strerror(rc));
    }

    Run run;
    const auto deadline = std::chrono::steady_clock::now() + kTimeout;
    std::array<pollfd, 2> fds{{{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}}};
    std::array<std::string*, 2> sinks{&run.out, &run.err};
    int open_fds = 2;
    bool timed_out = false;
    while (open_fds > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        if (::poll(fds.data(), fds.size(), static_cast<int>(left.count())) < 0) continue; // EINTR
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            char buf[4096];
            const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(n));
            } else {
                ::close(fds[i].fd);
                fds[i].fd = -1; // poll ignores negative descriptors
                --open_fds;
            }
        }
    }
    for (auto& f : fds)
        if (f.fd >= 0) ::close(f.fd);
    if (timed_out) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
    }
    CHECK_MESSAGE(!timed_out, "podium did not finish within the time limit");
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

// What a `podium run` that was stopped said: its exit status (128 + the signal when killed by
// one) and its stderr.
struct Stopped {
    int status = -1;
    std::string err;
};

// `podium ARGS` (a `run`) headless, in SDL's offscreen driver, for `seconds`, then signal `sig`.
inline Stopped run_podium_for(const TempDir& dir, const std::vector<std::string>& args,
                              double seconds, int sig) {
    const std::string err = dir.file("run-stderr.txt");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> all{PODIUM_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env{"SDL_VIDEODRIVER=offscreen", "HOME=" + dir.path().string(),
                                 "PATH=/usr/bin:/bin"};
    // The sanitizer run's settings (.ci/sanitize) reach the child too: its options, and the Mesa
    // libraries it keeps loaded so that their process-lifetime blocks are not reported as leaks.
    for (const char* name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS", "LD_PRELOAD"})
        if (const char* value = std::getenv(name)) env.push_back(std::string(name) + "=" + value);
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, PODIUM_BINARY, &fa, nullptr, argv.data(), envp.data()) == 0);
    posix_spawn_file_actions_destroy(&fa);
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::ifstream in(err);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
            std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())};
}

inline std::string project_version() {
    std::ifstream in(std::string(PODIUM_SOURCE_DIR) + "/CMakeLists.txt");
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    std::smatch m;
    REQUIRE(std::regex_search(text, m, std::regex(R"(project\(podium VERSION ([0-9][0-9.]*))")));
    return m[1].str();
}

struct PngSize {
    std::uint32_t width = 0, height = 0;
};

// Reads the IHDR chunk that must follow the signature: the size as the file itself states it.
inline PngSize png_size(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::array<unsigned char, 24> head{};
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    REQUIRE(in.gcount() == 24);
    const std::array<unsigned char, 8> signature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    REQUIRE(std::equal(signature.begin(), signature.end(), head.begin()));
    REQUIRE(std::string(head.begin() + 12, head.begin() + 16) == "IHDR");
    const auto be32 = [&](std::size_t at) {
        return (std::uint32_t{head[at]} << 24) | (std::uint32_t{head[at + 1]} << 16) |
               (std::uint32_t{head[at + 2]} << 8) | std::uint32_t{head[at + 3]};
    };
    CHECK(be32(8) == 13); // IHDR's length
    return {be32(16), be32(20)};
}

inline const std::vector<std::string> kLeaderboardText = {
    "render",   "--slide", "leaderboard", "--size",          "1920x1080",
    "--format", "text",    "--at",        "2026-11-25T10:00"};

inline std::vector<std::string> with_db(const TempDir& dir, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", dir.file("podium.db")});
    return args;
}

} // namespace podium::test::cli_support

// A small tmpfs for one test, mounted in a mount namespace of the test process alone (so nothing
// leaks to the machine, and it vanishes with the process): a disk that can be filled or made
// read-only for real. Needs root (CAP_SYS_ADMIN) and a single-threaded process; otherwise ok()
// is false and why() says so, for a doctest MESSAGE.
#pragma once

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

namespace podium::test::fault {

class PrivateTmpfs {
  public:
    PrivateTmpfs(std::string dir, const std::string& size) : dir_(std::move(dir)) {
        static bool unshared = false;
        if (!unshared) {
            if (::unshare(CLONE_NEWNS) != 0) {
                why_ = std::string("cannot make a private mount namespace: ") + std::strerror(errno);
                return;
            }
            unshared = true;
            // Mounts made here stay here: nothing propagates back to the machine.
            if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
                why_ = std::string("cannot make / private: ") + std::strerror(errno);
                return;
            }
        }
        options_ = "size=" + size + ",mode=0777";
        if (::mount("tmpfs", dir_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options_.c_str()) != 0) {
            why_ = std::string("cannot mount a tmpfs: ") + std::strerror(errno);
            return;
        }
        ok_ = true;
    }
    ~PrivateTmpfs() {
        if (ok_) ::umount2(dir_.c_str(), MNT_DETACH);
    }
    PrivateTmpfs(const PrivateTmpfs&) = delete;
    PrivateTmpfs& operator=(const PrivateTmpfs&) = delete;

    bool ok() const { return ok_; }
    const std::string& why() const { return why_; }

    bool remount(bool read_only) {
        const unsigned long flags = MS_REMOUNT | MS_NOSUID | MS_NODEV | (read_only ? MS_RDONLY : 0);
        return ::mount("tmpfs", dir_.c_str(), "tmpfs", flags, options_.c_str()) == 0;
    }

    // Fills the file system with `name` until it is full; returns the bytes written.
    std::size_t fill(const std::string& name) const {
        std::size_t written = 0;
        const std::string path = dir_ + "/" + name;
        FILE* f = std::fopen(path.c_str(), "wb");
        if (!f) return 0;
        std::setvbuf(f, nullptr, _IONBF, 0);
        const std::vector<char> block(4096, 'x');
        while (std::fwrite(block.data(), 1, block.size(), f) == block.size())
            written += block.size();
        std::fclose(f);
        return written;
    }

  private:
    std::string dir_, options_;
    bool ok_ = false;
    std::string why_;
};

} // namespace podium::test::fault

#!/usr/bin/env python3
"""Time to first frame (bench/run, issue 8): from starting the program to its first frame on
screen, median of N starts, under Xvfb + Mesa llvmpipe like bench/slideshow.sh.

    bench/first_frame.py [--runs N] [--size WxH] [--podium PATH] [--config TOML]
                         [--chromium-page FILE.html] [--out FILE.csv]

Podium: started the way systemd starts it (Type=notify), with NOTIFY_SOCKET naming a datagram
socket this script listens on; podium sends READY=1 right after its first frame is presented
(display/app/player.cpp). The time is from just before the fork to that datagram, on one
monotonic clock.

Chromium (with --chromium-page, the page of bench/slides_page.py): the page logs "first frame
at T", T being the epoch time of its first requestAnimationFrame callback, the start of the
first frame it draws, so this is a little early for Chromium (the frame still has to be
rasterised and shown). Compared with the wall clock taken just before the fork.

Both run against state that exists already, as after a reboot: one unmeasured start first
creates podium's store and Chromium's profile (and brings the files into the page cache, so
these are warm starts). Each start is stopped with SIGTERM once its first frame is in.
"""
import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT_S = 30  # a start that shows nothing by then is reported, not waited for


def start_xvfb(size, tmp):
    """A fresh X server on a display number it picks itself (-displayfd), as slideshow.sh does."""
    r, w = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", f"{size}x24",
                             "-nolisten", "tcp"], pass_fds=[w], stderr=open(os.path.join(tmp, "xvfb.log"), "w"))
    os.close(w)
    with os.fdopen(r) as f:
        number = f.readline().strip()
    if not number:
        sys.exit("first_frame.py: Xvfb did not start")
    return xvfb, f":{number}"


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def podium_once(podium, config, db, size, env, tmp):
    """Milliseconds from spawn to READY=1, or None."""
    path = os.path.join(tmp, "notify.sock")
    if os.path.exists(path):
        os.unlink(path)
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(path)
        sock.settimeout(TIMEOUT_S)
        t0 = time.monotonic()
        proc = subprocess.Popen([podium, "--db", db, "--config", config, "run", "--windowed", size],
                                env=dict(env, NOTIFY_SOCKET=path), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ms = None
        try:
            while ms is None:
                if b"READY=1" in sock.recv(4096).split(b"\n"):
                    ms = (time.monotonic() - t0) * 1000
        except socket.timeout:
            pass
        stop(proc)
    return ms


def chromium_once(page, profile, size, env):
    """Milliseconds from spawn to the page's first animation frame, or None."""
    w, h = size.split("x")
    t0 = time.time()
    proc = subprocess.Popen(
        ["chromium", *chromium_flags(profile, w, h), "file://" + os.path.abspath(page)],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    found, seen = [], threading.Event()

    def read_log():  # drains the log to its end, so chromium never blocks on a full pipe
        for line in proc.stderr:
            text = line.decode(errors="replace")
            if '"first frame at ' in text and not found:
                found.append(float(text.split('"first frame at ')[1].split('"')[0]) - t0 * 1000)
                seen.set()

    reader = threading.Thread(target=read_log)
    reader.start()
    seen.wait(TIMEOUT_S)
    stop(proc)
    reader.join()
    return found[0] if found else None


def chromium_flags(profile, width, height):
    """Kept in step with bench/run's CHROMIUM_FLAGS (see the comments there)."""
    return ["--kiosk", "--no-sandbox", "--no-first-run", "--disable-gpu", "--noerrdialogs",
            "--password-store=basic", "--disable-background-networking", "--disable-component-update",
            f"--user-data-dir={profile}", f"--window-size={width},{height}", "--window-position=0,0",
            "--enable-logging=stderr", "--v=0"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--podium", default=os.path.join(ROOT, "build-bench/podium"))
    ap.add_argument("--config", default=os.path.join(ROOT, "bench/configs/slideshow.toml"))
    ap.add_argument("--chromium-page")
    ap.add_argument("--out")
    a = ap.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="podium-first-frame.") as tmp:
        xvfb, display = start_xvfb(a.size, tmp)
        env = dict(os.environ, DISPLAY=display, LIBGL_ALWAYS_SOFTWARE="1", SDL_VIDEODRIVER="x11")
        try:
            db = os.path.join(tmp, "podium.db")
            podium_once(a.podium, a.config, db, a.size, env, tmp)  # makes the store
            results["podium"] = [podium_once(a.podium, a.config, db, a.size, env, tmp)
                                 for _ in range(a.runs)]
            if a.chromium_page:
                profile = os.path.join(tmp, "profile")
                chromium_once(a.chromium_page, profile, a.size, env)  # makes the profile
                results["chromium"] = [chromium_once(a.chromium_page, profile, a.size, env)
                                       for _ in range(a.runs)]
        finally:
            stop(xvfb)
    if a.out:
        with open(a.out, "w") as f:
            f.write("program,run,first_frame_ms\n")
            for name, times in results.items():
                for i, ms in enumerate(times, 1):
                    f.write(f"{name},{i},{'-' if ms is None else f'{ms:.1f}'}\n")
    print(f"{'program':<10} {'median_ms':>9} {'min_ms':>7} {'max_ms':>7} {'starts':>6}")
    for name, times in results.items():
        ok = [t for t in times if t is not None]
        if not ok:
            print(f"{name:<10} {'-':>9} {'-':>7} {'-':>7} {0:>6}")
            continue
        print(f"{name:<10} {statistics.median(ok):9.0f} {min(ok):7.0f} {max(ok):7.0f} "
              f"{len(ok):>3}/{len(times)}")


if __name__ == "__main__":
    main()

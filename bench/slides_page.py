#!/usr/bin/env python3
"""The browser side of the slideshow comparison (bench/run, issue 8): one self-contained HTML page
that plays the slides of a bench config the way podium does, for Chromium in kiosk mode.

    bench/slides_page.py PODIUM CONFIG OUT.html

The text comes from podium itself (`podium render --slide KIND --format text` on a fresh demo
store), so both programs show the same names, figures and headings; the layout copies podium's
look (dark background, the Inter fonts podium bundles, inlined so the page needs no server,
10 leaderboard rows, initials circles). The cycle is the config's playlist: each slide for its
duration, then a 0.8 s CSS opacity crossfade, podium's fixed transition time.

Frames: a page has no "frames drawn" counter, so the page counts requestAnimationFrame callbacks
while a crossfade runs (one per frame Chromium's main thread begins) and logs
"frames drawn N in S s" to the console after each one; with --enable-logging=stderr that reaches
stderr, where bench/slideshow.sh reads the last such line. Between transitions nothing on the
page changes and it requests no frames, like podium, which draws nothing then. It also logs
"first frame at T" (T in ms since the epoch, at its first animation frame) for
bench/first_frame.py.

All sizes are in rem, with 1rem = 1/1080 of the window's height, so the page fills 4K the way
podium's layout does, with no device scale factor.
"""
import base64
import html
import os
import re
import subprocess
import sys
import tempfile
import tomllib

TRANSITION_S = 0.8  # podium's crossfade (display/app/player.cpp); not a config setting
FONTS = {400: "Inter-Regular.otf", 600: "Inter-SemiBold.otf", 700: "Inter-Bold.otf"}


def fail(message):
    sys.exit(f"slides_page.py: {message}")


def render_text(podium, db, config, kind):
    """The text runs of one slide, in reading order, as podium draws them at 1920x1080."""
    out = subprocess.run([podium, "--db", db, "--config", config, "render", "--slide", kind,
                          "--size", "1920x1080", "--format", "text"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        fail(f"podium render --slide {kind} failed: {out.stderr.strip()}")
    return [line for line in out.stdout.splitlines() if line.strip()]


def is_number(s):
    return re.fullmatch(r"[+-]?[\d,.]+%?", s) is not None


def e(s):
    return html.escape(s)


class Lines:
    """The text runs of a slide, taken from the front; a wrong guess about podium's order stops
    the benchmark with the slide's text instead of drawing a page that differs."""

    def __init__(self, kind, lines):
        self.kind, self.lines, self.at = kind, lines, 0

    def take(self, check=None):
        if self.at >= len(self.lines):
            fail(f"{self.kind}: the text ended early:\n" + "\n".join(self.lines))
        s = self.lines[self.at]
        if check and not check(s):
            fail(f"{self.kind}: unexpected text run {s!r} at {self.at}:\n" + "\n".join(self.lines))
        self.at += 1
        return s

    def peek(self, ahead=0):
        i = self.at + ahead
        return self.lines[i] if i < len(self.lines) else None

    def left(self):
        return len(self.lines) - self.at


def header(t, subtitle):
    title, month = t.take(), t.take()
    sub = t.take() if subtitle else ""
    badge = t.take() if t.peek() == "Demo data" else ""
    org = t.take()
    top = (f'<div class="head"><h1>{e(title)}</h1><div class="month">{e(month)}</div>'
           + (f'<div class="sub">{e(sub)}</div>' if sub else "") + "</div>")
    foot = (f'<div class="foot"><span>{e(org)}</span>'
            + (f'<span class="badge">{e(badge)}</span>' if badge else "") + "</div>")
    return top, foot


def leaderboard(t):
    top, foot = header(t, subtitle=True)
    rows = []
    while t.left():
        rank = t.take(lambda s: s.isdigit())
        name = t.take()
        team = t.take() if not is_number(t.peek() or "0") else ""
        rows.append((rank, name, team, t.take(is_number)))
    podium_rows = "".join(
        f'<div class="card top{i + 1}"><div class="medal">{e(r)}</div>'
        f'<div class="who"><div class="name">{e(n)}</div><div class="team">{e(tm)}</div></div>'
        f'<div class="move {"down" if i == 2 else "up"}"></div><div class="score">{e(v)}</div></div>'
        for i, (r, n, tm, v) in enumerate(rows[:3]))
    rest = "".join(
        f'<div class="row"><span class="rank">{e(r)}</span><span class="move up"></span>'
        f'<span class="name">{e(n)}</span><span class="team">{e(tm)}</span>'
        f'<span class="score">{e(v)}</span></div>' for r, n, tm, v in rows[3:])
    return f'{top}<div class="board"><div class="leaders">{podium_rows}</div><div class="list">{rest}</div></div>{foot}'


def spotlight(t):
    top, foot = header(t, subtitle=False)
    initials, name, team, label = t.take(), t.take(), t.take(), t.take()
    quote = [t.take()]
    while not quote[-1].endswith("”") and t.left() > 6:
        quote.append(t.take())
    figures = []
    while t.left() >= 2:
        figures.append((t.take(is_number), t.take()))
    figs = "".join(f'<div class="fig"><b>{e(v)}</b><span>{e(l)}</span></div>' for v, l in figures)
    return (f'{top}<div class="spot"><div class="avatar">{e(initials)}</div><div class="about">'
            f'<div class="big">{e(name)}</div><div class="accent">{e(team)}</div>'
            f'<div class="label">{e(label)}</div><div class="quote">{e(" ".join(quote))}</div>'
            f'<div class="figs">{figs}</div></div></div>{foot}')


# The bars' heights are not in a slide's text; these follow podium's demo drawing. They change
# nothing in the cost: the same boxes are drawn whatever their heights.
RESULT_BARS = [20, 10, 30, 30, 25, 30, 40, 30, 60, 50, 45, 95]
ADOPTION_BARS = [42, 47, 52, 57, 62, 69, 74, 79, 84, 89, 94, 99]


def results(t):
    top, foot = header(t, subtitle=True)
    cards = []
    for _ in range(4):
        cards.append((t.take(), t.take(is_number), t.take()))
    legend = t.take()
    months = [t.take() for _ in range(t.left())]
    tiles = "".join(f'<div class="tile"><div class="label">{e(l)}</div><b class="{"accent" if i == 0 else ""}">'
                    f'{e(v)}</b><div class="{"good" if n.startswith("+") else "muted"}">{e(n)}</div></div>'
                    for i, (l, v, n) in enumerate(cards))
    bars = "".join(f'<div class="bar{" now" if i == len(months) - 1 else ""}"><i style="height:{h}%"></i>'
                   f'<span>{e(m)}</span></div>' for i, (m, h) in enumerate(zip(months, RESULT_BARS)))
    return (f'{top}<div class="tiles">{tiles}</div><div class="legend"><i></i>{e(legend)}</div>'
            f'<div class="chart">{bars}</div>{foot}')


def adoption(t):
    top, foot = header(t, subtitle=True)
    share, of, since, goal = t.take(is_number), t.take(), t.take(), t.take()
    rest = [t.take() for _ in range(t.left())]
    months, goal_line = rest[:-1], rest[-1]
    labels = {len(ADOPTION_BARS) - 1 - 2 * i: m for i, m in enumerate(reversed(months))}
    bars = "".join(f'<div class="bar{" now" if i == len(ADOPTION_BARS) - 1 else ""}"><i style="height:{h}%"></i>'
                   f'<span>{e(labels.get(i, ""))}</span></div>' for i, h in enumerate(ADOPTION_BARS))
    return (f'{top}<div class="adopt"><div class="share">{e(share)}</div><div class="of">{e(of)}</div>'
            f'<div class="good">{e(since)}</div><div class="goalbar"><i></i></div>'
            f'<div class="goal">{e(goal)}</div></div><div class="chart adopt-chart">'
            f'<div class="goalline"><span>{e(goal_line)}</span></div>{bars}</div>{foot}')


def successes(t):
    top, foot = header(t, subtitle=False)
    items = []
    while t.left():
        kind, date = t.take(), t.take()
        title = [t.take()]
        while t.peek(1) is not None and not t.peek(1).startswith("·"):
            title.append(t.take())
        name, team = t.take(), t.take(lambda s: s.startswith("·"))
        items.append((kind, date, " ".join(title), name, team))
    cards = "".join(f'<div class="story"><div class="when"><span class="pill">{e(k)}</span><div>{e(d)}</div></div>'
                    f'<div class="what"><div class="title">{e(ti)}</div><div><b>{e(n)}</b> '
                    f'<span class="muted">{e(tm)}</span></div></div></div>' for k, d, ti, n, tm in items)
    return f'{top}<div class="stories">{cards}</div>{foot}'


SLIDES = {"leaderboard": leaderboard, "spotlight": spotlight, "results": results,
          "adoption": adoption, "successes": successes}

CSS = """
html { font-size: calc(100vh / 1080); background: #0b1220; }
* { box-sizing: border-box; margin: 0; padding: 0; }
body { width: 100vw; height: 100vh; overflow: hidden; font-family: Inter, sans-serif; color: #f1f5f9;
       cursor: none; }
.slide { position: absolute; inset: 0; padding: 56rem 96rem 0; opacity: 0;
         background: linear-gradient(180deg, #0b1220, #111a2b); }
.slide.current { opacity: 1; z-index: 1; }
.slide.in { opacity: 1; z-index: 2; transition: opacity 0.8s ease-in-out; }
.head { position: relative; height: 170rem; }
h1 { font-size: 58rem; font-weight: 700; }
.month { position: absolute; right: 0; top: 14rem; font-size: 42rem; font-weight: 600; color: #2dd4bf; }
.sub { font-size: 36rem; color: #94a3b8; margin-top: 10rem; }
.foot { position: absolute; left: 96rem; right: 96rem; bottom: 52rem; display: flex;
        justify-content: space-between; align-items: center; font-size: 30rem; color: #94a3b8; }
.badge, .pill { background: #133b45; color: #2dd4bf; font-weight: 600; border-radius: 40rem; }
.badge { padding: 14rem 28rem; }
.pill { padding: 8rem 22rem; font-size: 30rem; }
.accent { color: #2dd4bf; } .good { color: #4ade80; } .muted, .team, .label { color: #94a3b8; }
.board { display: flex; gap: 56rem; }
.leaders { width: 760rem; display: flex; flex-direction: column; gap: 22rem; }
.card { height: 218rem; border-radius: 24rem; background: #1b2740; display: flex; align-items: center;
        padding: 0 34rem; gap: 32rem; }
.top1 { background: #1f2d4a; }
.medal { width: 124rem; height: 124rem; border-radius: 50%; display: grid; place-items: center;
         font-size: 50rem; font-weight: 700; color: #0b1220; }
.top1 .medal { background: #f5c542; } .top2 .medal { background: #cbd5e1; } .top3 .medal { background: #d99058; }
.card .who { flex: 1; } .card .name { font-size: 52rem; font-weight: 600; } .card .team { font-size: 30rem; }
.card .score { width: 170rem; text-align: right; font-size: 72rem; font-weight: 700; }
.top1 .score { color: #2dd4bf; }
.move { width: 0; height: 0; border-left: 14rem solid transparent; border-right: 14rem solid transparent; }
.move.up { border-bottom: 26rem solid #4ade80; } .move.down { border-top: 26rem solid #f87171; }
.list { flex: 1; }
.row { height: 100rem; display: flex; align-items: center; gap: 34rem; border-bottom: 2rem solid #26334d; }
.row:last-child { border-bottom: 0; }
.row .rank { width: 60rem; text-align: right; font-size: 38rem; font-weight: 600; color: #94a3b8; }
.row .name { width: 280rem; font-size: 38rem; font-weight: 600; white-space: nowrap; }
.row .team { flex: 1; font-size: 30rem; }
.row .score { font-size: 38rem; font-weight: 700; }
.spot { display: flex; gap: 80rem; margin-top: -40rem; }
.avatar { width: 518rem; height: 518rem; margin-top: 100rem; border-radius: 50%; background: #7a4b8c;
          display: grid; place-items: center; font-size: 160rem; font-weight: 700; }
.about { flex: 1; } .big { font-size: 90rem; font-weight: 700; } .spot .accent { font-size: 44rem; margin: 14rem 0 50rem; }
.spot .label { font-size: 30rem; font-weight: 600; } .quote { font-size: 42rem; line-height: 1.5; margin-top: 10rem; height: 250rem; }
.figs { display: flex; gap: 24rem; } .fig { flex: 1; height: 190rem; border-radius: 20rem; background: #1b2740; padding: 26rem; }
.fig b, .tile b { display: block; font-size: 76rem; } .fig span { font-size: 30rem; color: #94a3b8; }
.tiles { display: flex; gap: 24rem; }
.tile { flex: 1; height: 254rem; border-radius: 24rem; background: #1b2740; padding: 26rem 28rem; font-size: 30rem; }
.tile .label { font-weight: 600; }
.legend { text-align: right; font-size: 30rem; color: #94a3b8; margin: 56rem 0 16rem; }
.legend i { display: inline-block; width: 28rem; height: 28rem; border-radius: 6rem; background: #2dd4bf; margin-right: 12rem; }
.chart { height: 270rem; display: flex; align-items: flex-end; gap: 58rem; border-bottom: 2rem solid #26334d; }
.bar { flex: 1; height: 100%; display: flex; flex-direction: column; justify-content: flex-end; position: relative; }
.bar i { display: block; background: #1b6b6b; border-radius: 8rem 8rem 0 0; }
.bar.now i { background: #2dd4bf; }
.bar span { position: absolute; bottom: -60rem; width: 100%; text-align: center; font-size: 30rem; color: #94a3b8; }
.bar.now span { color: #f1f5f9; }
.adopt { position: absolute; left: 96rem; top: 330rem; width: 690rem; }
.share { font-size: 210rem; font-weight: 700; color: #2dd4bf; line-height: 1; }
.of { font-size: 44rem; font-weight: 600; margin-top: 60rem; } .adopt .good { font-size: 38rem; margin-top: 20rem; }
.goalbar { height: 22rem; border-radius: 11rem; background: #26334d; margin-top: 60rem; }
.goalbar i { display: block; width: 95%; height: 100%; border-radius: 11rem; background: #2dd4bf; }
.goal { text-align: right; color: #f5c542; font-weight: 600; font-size: 30rem; margin-top: 16rem; }
.adopt-chart { position: absolute; left: 996rem; right: 96rem; top: 340rem; height: 460rem; gap: 24rem; }
.goalline { position: absolute; left: 0; right: 0; top: 0; border-top: 4rem dashed #f5c542; }
.goalline span { position: absolute; left: -90rem; top: -22rem; color: #f5c542; font-size: 30rem; font-weight: 600; }
.stories { display: flex; flex-direction: column; gap: 24rem; margin-top: -56rem; }
.story { height: 236rem; border-radius: 20rem; background: #1b2740; display: flex; padding: 30rem; }
.when { width: 340rem; font-size: 30rem; color: #94a3b8; } .when div { margin-top: 16rem; }
.what { flex: 1; font-size: 30rem; } .title { font-size: 42rem; font-weight: 600; line-height: 1.5; margin-bottom: 10rem; }
"""

# Plays the slides in order: each stays its duration, then the next fades in over it (opacity
# 0 -> 1 on top, so every frame mixes the two as podium's crossfade does), and the one below is
# hidden when the fade ends. Frames are counted only while a fade runs (see the docstring).
SCRIPT = """
const slides = [...document.querySelectorAll('.slide')];
const started = performance.now();
let frames = 0, fading = false, shown = 0;
function report() {
  console.log('frames drawn ' + frames + ' in ' + ((performance.now() - started) / 1000).toFixed(1) + ' s');
}
function count() { frames++; if (fading) requestAnimationFrame(count); }
function next() {
  const from = slides[shown], to = slides[(shown + 1) % slides.length];
  shown = (shown + 1) % slides.length;
  to.addEventListener('transitionend', () => {
    from.classList.remove('current');
    to.classList.replace('in', 'current');
    fading = false;
    report();
    setTimeout(next, to.dataset.ms - TRANSITION_MS);
  }, { once: true });
  fading = true;
  to.classList.add('in');
  requestAnimationFrame(count);
}
requestAnimationFrame(t => console.log('first frame at ' + (performance.timeOrigin + t).toFixed(1)));
document.fonts.ready.then(() => { report(); setTimeout(next, slides[0].dataset.ms); });
"""


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    podium, config, out = sys.argv[1:]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(config, "rb") as f:
        playlist = tomllib.load(f).get("playlist", [])
    if not playlist:
        fail(f"{config} has no [[playlist]]")
    parts = []
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "podium.db")  # a fresh store: the bundled demo data
        for i, entry in enumerate(playlist):
            kind = entry["slide"]
            seconds = float(str(entry.get("duration", 12)).rstrip("s"))  # the bench configs use "6s"
            body = SLIDES[kind](Lines(kind, render_text(podium, db, config, kind)))
            parts.append(f'<section class="slide{" current" if i == 0 else ""}" '
                         f'data-ms="{int(seconds * 1000)}">{body}</section>')
    faces = "".join(
        f"@font-face {{ font-family: Inter; font-weight: {w}; src: url(data:font/otf;base64,"
        f"{base64.b64encode(open(os.path.join(root, 'assets/fonts', f), 'rb').read()).decode()}); }}\n"
        for w, f in FONTS.items())
    script = SCRIPT.replace("TRANSITION_MS", str(int(TRANSITION_S * 1000)))
    with open(out, "w", encoding="utf-8") as f:
        f.write(f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Podium slides</title>'
                f"<style>{faces}{CSS}</style></head><body>{''.join(parts)}<script>{script}</script>"
                f"</body></html>\n")


if __name__ == "__main__":
    main()

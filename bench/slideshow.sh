#!/usr/bin/env bash
# The slideshow benchmark: what one minute of playing costs at 1920x1080 under software rendering
# (Xvfb + Mesa llvmpipe): CPU seconds, frames drawn, memory (PSS) and wake-ups, for the slideshow
# of bench/configs/slideshow.toml and for a static slide (bench/configs/static.toml). Figures,
# never pass/fail: it exits non-zero only when something could not run.
#
# The measured program is any command line, and the figures are of its whole process tree, so a
# browser kiosk can be measured the same way (--command) and compared.
#
#   bench/slideshow.sh [OPTIONS] [CASE...] [--command NAME -- PROGRAM [ARG...]]...
#   CASE: slideshow, static (podium with bench/configs/CASE.toml; default: both when no --command
#   is given). Each --command adds a case NAME that runs PROGRAM; its arguments end at the next
#   --command or at the end of the line. All cases take turns in each of the --runs rounds.
#
# Options:
#   --runs N        repetitions of each case, interleaved (default 3); the table shows medians
#   --warmup S      seconds between the start and the measurement (default 5)
#   --seconds S     seconds measured (default 60)
#   --size WxH      the X screen and window size (default 1920x1080)
#   --out FILE      the raw figures as CSV (default bench/out/slideshow-<UTC time>.csv)
#   --podium PATH   the binary to measure (default build-bench/podium, built with CMake first)
#   --no-build      use build-bench/podium as it is
#
# In a --command line, {tmp} is replaced with a new empty directory for each start (a profile, a
# database), {width}, {height} and {size} with the screen size. The program gets DISPLAY (a fresh
# Xvfb per run) and LIBGL_ALWAYS_SOFTWARE=1. Example:
#   bench/slideshow.sh --command chromium -- chromium --kiosk --user-data-dir={tmp}/profile \
#       --window-size={width},{height} http://127.0.0.1:8080/
#
# One run of a case: a fresh Xvfb; the program started and stopped (SIGTERM) after the warm-up
# alone, to count the frames drawn during a warm-up; then started again, and after the warm-up
# measured for the given seconds, then stopped with SIGTERM.
#   cpu_s          utime+stime of every process in the tree over the minute (/proc/PID/stat,
#                  children reaped inside the tree included through cutime+cstime)
#   frames         frames drawn in the minute: the frames the measured start reports at exit
#                  minus those the warm-up-only start reports (the program's "frames drawn N"
#                  line on stderr; "-" when it prints none). The CSV keeps both.
#   pss_*_MiB      the tree's PSS (/proc/PID/smaps_rollup), sampled every 0.5 s in the minute
#   wakeups_per_s  voluntary + involuntary context switches of every thread in the tree
#                  (/proc/PID/task/*/status), per second of the minute
#   xvfb_cpu_s     the X server's utime+stime over the same minute (the X side of drawing)
#   longest_frame_ms, longest_gap_ms
#                  from podium's exit line ("longest frame X ms, longest transition gap Y ms"),
#                  over the measured start's whole life (warm-up included); "-" for a program
#                  that prints none
set -euo pipefail
export LC_ALL=C # a '.' in $EPOCHREALTIME and in printf's numbers
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

runs=3 warmup=5 seconds=60 size=1920x1080 out="" podium="" build=1
# A --command case's program and arguments, joined by the unit separator (a byte no argument
# holds), by case name: bash has no arrays of arrays.
declare -A commands=()
sep=$'\x1f'
cases=() builtin=0
die() { echo "slideshow.sh: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --podium) podium=$2; build=0; shift 2 ;;
    --no-build) build=0; shift ;;
    --command)
      name=${2:-}
      [[ $name =~ ^[A-Za-z0-9_.-]+$ ]] || die "--command takes a NAME of letters, digits, _ . -"
      [ -z "${commands[$name]:-}" ] || die "two cases named '$name'"
      shift 2
      [ "${1:-}" = "--" ] || die "--command NAME must be followed by -- PROGRAM [ARG...]"
      shift
      line=""
      while [ $# -gt 0 ] && [ "$1" != "--command" ]; do line+=${line:+$sep}$1; shift; done
      [ -n "$line" ] || die "--command $name needs a program"
      commands[$name]=$line
      cases+=("$name") ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    slideshow|static) cases+=("$1"); builtin=1; shift ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ && $warmup =~ ^[0-9]+$ && $seconds =~ ^[1-9][0-9]*$ ]] ||
  die "--runs, --warmup and --seconds take whole numbers"
[[ $size =~ ^([1-9][0-9]*)x([1-9][0-9]*)$ ]] || die "--size takes WxH, as 1920x1080"
width=${BASH_REMATCH[1]} height=${BASH_REMATCH[2]}
if [ ${#cases[@]} -eq 0 ]; then
  cases=(slideshow static) builtin=1
fi

# --- what is needed -------------------------------------------------------------------------

if ! command -v Xvfb >/dev/null; then
  [ "$(id -u)" -eq 0 ] || die "Xvfb is missing: apt-get install xvfb"
  echo "slideshow.sh: installing xvfb" >&2
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends xvfb; } >&2; then
    die "could not install xvfb"
  fi
fi
if [ "$builtin" -eq 1 ]; then
  if [ -z "$podium" ]; then
    podium=$root/build-bench/podium
    if [ "$build" -eq 1 ] || [ ! -x "$podium" ]; then
      cmake -S "$root" -B "$root/build-bench" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
        >/dev/null || die "cmake configure failed"
      cmake --build "$root/build-bench" -j "$(nproc)" --target podium >/dev/null ||
        die "building podium failed"
    fi
  fi
  [ -x "$podium" ] || die "no podium binary at $podium"
  for c in "${cases[@]}"; do
    [ -n "${commands[$c]:-}" ] && continue
    "$podium" config check "$root/bench/configs/$c.toml" >/dev/null ||
      die "bench/configs/$c.toml does not pass 'podium config check'"
  done
fi
clk_tck=$(getconf CLK_TCK)

# The command line of a case, before {tmp}/{size} are filled in.
case_command() {
  if [ -n "${commands[$1]:-}" ]; then
    local rest=${commands[$1]} args=()
    while :; do
      args+=("${rest%%"$sep"*}")
      [[ $rest == *"$sep"* ]] || break
      rest=${rest#*"$sep"}
    done
    printf '%s\0' "${args[@]}"
  else
    printf '%s\0' "$podium" --db "{tmp}/podium.db" --config "$root/bench/configs/$1.toml" \
      run --windowed "{size}"
  fi
}

# --- process state from /proc ---------------------------------------------------------------

# ROOT and every descendant that is alive now, one pid per line. A stat line is
# "pid (comm) state ppid ...", and comm may hold spaces and parentheses.
tree_pids() {
  local stats=(/proc/[0-9]*/stat)
  awk -v root="$1" 'BEGIN {
    for (i = 1; i < ARGC; i++) {
      f = ARGV[i]
      if ((getline line < f) > 0) {
        pid = line; sub(/ .*/, "", pid)
        sub(/.*\) /, "", line); split(line, a, " ")
        parent[pid] = a[2]
      }
      close(f)
    }
    if (!(root in parent)) exit
    inside[root] = 1
    do {
      added = 0
      for (p in parent)
        if (!(p in inside) && (parent[p] in inside)) { inside[p] = 1; added = 1 }
    } while (added)
    for (p in inside) print p
  }' "${stats[@]}"
}

# One sample of a process tree: "TICKS PSS_KB VOLUNTARY INVOLUNTARY PROCESSES THREADS".
# TICKS is utime+stime+cutime+cstime summed: a thread's time stays in its process's utime when it
# ends, and a child reaped by its parent inside the tree moves into the parent's cutime/cstime, so
# the sum stays whole when threads and helpers come and go.
# Context switches are counted per thread (/proc has no total that keeps ended threads), so they
# are followed in STATE, a file of "tid first last": VOLUNTARY and INVOLUNTARY are the switches
# since the sample with MODE "start", of the threads seen at any sample since (a thread that ends
# loses at most its last 0.5 s; a thread born later counts from 0).
sample_tree() {
  local root=$1 state=$2 mode=$3 p files=()
  shopt -s nullglob
  for p in $(tree_pids "$root"); do
    files+=("/proc/$p/stat" "/proc/$p/smaps_rollup" /proc/"$p"/task/*/status)
  done
  shopt -u nullglob
  [ "$mode" = start ] && : >"$state"
  awk -v state="$state" -v mode="$mode" 'BEGIN {
    while ((getline line < state) > 0) {
      split(line, a, " ")
      v0[a[1]] = a[2]; n0[a[1]] = a[3]; v1[a[1]] = a[4]; n1[a[1]] = a[5]
    }
    close(state)
    for (i = 1; i < ARGC; i++) {
      f = ARGV[i]
      if (f ~ /\/stat$/) {
        if ((getline line < f) > 0) {
          sub(/.*\) /, "", line); split(line, a, " ")
          ticks += a[12] + a[13] + a[14] + a[15]; procs++
        }
      } else if (f ~ /smaps_rollup$/) {
        while ((getline line < f) > 0) if (line ~ /^Pss:/) { split(line, a, " "); pss += a[2] }
      } else {
        tid = f; sub(/\/status$/, "", tid); sub(/.*\//, "", tid)
        seen = 0; vol = nonvol = 0
        while ((getline line < f) > 0) {
          seen = 1; split(line, a, " ")
          if (a[1] == "voluntary_ctxt_switches:") vol = a[2]
          else if (a[1] == "nonvoluntary_ctxt_switches:") nonvol = a[2]
        }
        if (seen) {
          threads++
          if (!(tid in v0)) { v0[tid] = mode == "start" ? vol : 0; n0[tid] = mode == "start" ? nonvol : 0 }
          v1[tid] = vol; n1[tid] = nonvol
        }
      }
      close(f)
    }
    for (tid in v0) {
      printf "%s %.0f %.0f %.0f %.0f\n", tid, v0[tid], n0[tid], v1[tid], n1[tid] > state
      dv += v1[tid] - v0[tid]; dn += n1[tid] - n0[tid]
    }
    close(state)
    printf "%.0f %.0f %.0f %.0f %d %d\n", ticks, pss, dv, dn, procs, threads
  }' /dev/null "${files[@]}"
}

# Busy and total jiffies of the whole machine (the first line of /proc/stat), to tell how much
# else was running.
machine_jiffies() {
  awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t - $5 - $6, t; exit }' /proc/stat
}

now_us() { echo "${EPOCHREALTIME/./}"; }
sleep_until_us() {
  local left=$(($1 - $(now_us)))
  [ "$left" -gt 0 ] && sleep "$(printf '%d.%06d' $((left / 1000000)) $((left % 1000000)))"
  return 0
}

# --- starting and stopping, with cleanup on any exit ----------------------------------------
# Xvfb and the program run in sessions of their own (setsid): a Ctrl-C reaches only this script,
# which then stops them in order, instead of Xvfb dying first under a program still measured.
# (setsid execs in place here: a background job of a script does not lead a process group, so
# $! is the program itself.)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/podium-slideshow.XXXXXX")
xvfb_pid="" prog_pid="" prog_tree=""

# Stops a process we started: SIGTERM, up to 10 s, then SIGKILL. Returns 1 when it had to kill.
stop_pid() {
  local pid=$1 _
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    return 1
  fi
  wait "$pid" 2>/dev/null || true
  return 0
}
# The program and whatever it left behind in its tree (a browser's helpers).
stop_program() {
  local rc=0 p
  [ -n "$prog_pid" ] || return 0
  prog_tree=$(tree_pids "$prog_pid" | grep -vx "$prog_pid" || true)
  stop_pid "$prog_pid" || rc=1
  for p in $prog_tree; do kill -TERM "$p" 2>/dev/null || true; done
  prog_pid=""
  return $rc
}
stop_xvfb() {
  [ -n "$xvfb_pid" ] || return 0
  stop_pid "$xvfb_pid" || true
  xvfb_pid=""
}
cleanup() {
  trap - EXIT INT TERM
  stop_program || true
  stop_xvfb
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'echo "slideshow.sh: interrupted" >&2; exit 130' INT
trap 'exit 143' TERM

# A fresh X server on a free display: Xvfb picks the number itself (-displayfd), so two benchmarks
# at once, or a desktop on :0, never collide.
start_xvfb() {
  local _
  : >"$tmp/display"
  setsid Xvfb -displayfd 3 -screen 0 "${width}x${height}x24" -nolisten tcp 3>"$tmp/display" \
    2>"$tmp/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do
    [ -s "$tmp/display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ ! -s "$tmp/display" ]; then
    tail -5 "$tmp/xvfb.log" >&2 || true
    die "Xvfb did not start"
  fi
  display=:$(tr -d '\n' <"$tmp/display")
}

# Starts the case's command line in DIR (its {tmp}), its stderr in DIR/stderr.
start_program() {
  local name=$1 dir=$2 arg args=()
  mkdir -p "$dir"
  while IFS= read -r -d '' arg; do
    arg=${arg//\{tmp\}/$dir} arg=${arg//\{size\}/$size}
    arg=${arg//\{width\}/$width} arg=${arg//\{height\}/$height}
    args+=("$arg")
  done < <(case_command "$name")
  setsid env DISPLAY="$display" LIBGL_ALWAYS_SOFTWARE=1 SDL_VIDEODRIVER=x11 "${args[@]}" \
    </dev/null >"$dir/stdout" 2>"$dir/stderr" &
  prog_pid=$!
}
check_alive() {
  kill -0 "$prog_pid" 2>/dev/null && return 0
  echo "slideshow.sh: $1 exited $2; its stderr:" >&2
  tail -20 "$3/stderr" >&2 || true
  prog_pid=""
  die "$1 did not keep running"
}
frames_of() { # the last "frames drawn N" a program printed, or "-"
  local n
  n=$(grep -ao 'frames drawn [0-9]*' "$1" | tail -1 | awk '{ print $3 }') || true
  echo "${n:--}"
}
timings_of() { # "LONGEST_FRAME LONGEST_GAP" (ms) from podium's exit line, or "- -"
  local t
  t=$(grep -ao 'longest frame [0-9.]* ms, longest transition gap [0-9.]* ms' "$1" | tail -1 |
    awk '{ print $3, $8 }') || true
  echo "${t:-- -}"
}

# --- one run ----------------------------------------------------------------------------------

median() { sort -g | awk '{ v[NR] = $1 } END { if (!NR) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

csv_header="case,run,cpu_s,frames,pss_peak_MiB,pss_mean_MiB,wakeups_per_s,xvfb_cpu_s,frames_total,frames_warmup,voluntary_per_s,pss_peak_with_warmup_MiB,peak_rss_MiB,xvfb_pss_peak_MiB,processes,threads,gl_driver,measured_s,machine_busy_pct,xvfb_wakeups_per_s,longest_frame_ms,longest_gap_ms"

run_once() {
  local name=$1 run=$2 dir=$tmp/$1-$2 gl
  echo "slideshow.sh: $name, run $run of $runs" >&2
  start_xvfb

  # The warm-up alone, for the frames it draws.
  start_program "$name" "$dir/warmup"
  sleep "$warmup"
  check_alive "$name" "during the warm-up" "$dir/warmup"
  stop_program || echo "slideshow.sh: $name ignored SIGTERM (killed)" >&2
  local frames_warmup
  frames_warmup=$(frames_of "$dir/warmup/stderr")

  # The measured start: PSS sampled from the start (for the peak with the warm-up too).
  start_program "$name" "$dir/measure"
  local started measure_at end_at next pss peak_all=0 peak=0 sum=0 n=0
  started=$(now_us)
  measure_at=$((started + warmup * 1000000))
  next=$((started + 500000))
  while [ "$next" -lt "$measure_at" ]; do
    sleep_until_us "$next"
    check_alive "$name" "during the warm-up" "$dir/measure"
    read -r _ pss _ <<<"$(sample_tree "$prog_pid" "$dir/ctx.warmup" update)"
    [ "$pss" -gt "$peak_all" ] && peak_all=$pss
    next=$((next + 500000))
  done
  sleep_until_us "$measure_at"
  check_alive "$name" "during the warm-up" "$dir/measure"
  gl=$(grep -aho '[A-Za-z0-9_]*_dri\.so' /proc/"$prog_pid"/maps 2>/dev/null | sort -u |
    paste -sd'+' -) || true

  local t0 t1 s0 s1 x0 x1 m0 m1
  m0=$(machine_jiffies)
  x0=$(sample_tree "$xvfb_pid" "$dir/ctx.xvfb" start)
  s0=$(sample_tree "$prog_pid" "$dir/ctx" start)
  t0=$(now_us)
  read -r _ pss _ <<<"$s0"
  peak=$pss sum=$pss n=1
  end_at=$((t0 + seconds * 1000000))
  next=$((t0 + 500000))
  local xpeak=0 xpss
  while [ "$next" -lt "$end_at" ]; do
    sleep_until_us "$next"
    check_alive "$name" "during the measurement" "$dir/measure"
    read -r _ pss _ <<<"$(sample_tree "$prog_pid" "$dir/ctx" update)"
    read -r _ xpss _ <<<"$(sample_tree "$xvfb_pid" "$dir/ctx.xvfb" update)"
    [ "$pss" -gt "$peak" ] && peak=$pss
    [ "$xpss" -gt "$xpeak" ] && xpeak=$xpss
    sum=$((sum + pss)) n=$((n + 1))
    next=$((next + 500000))
  done
  sleep_until_us "$end_at"
  check_alive "$name" "during the measurement" "$dir/measure"
  s1=$(sample_tree "$prog_pid" "$dir/ctx" update)
  t1=$(now_us)
  x1=$(sample_tree "$xvfb_pid" "$dir/ctx.xvfb" update)
  m1=$(machine_jiffies)
  local hwm
  hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$prog_pid/status" 2>/dev/null) || true
  [ "$peak" -gt "$peak_all" ] && peak_all=$peak

  stop_program || echo "slideshow.sh: $name ignored SIGTERM (killed)" >&2
  stop_xvfb
  local frames_total timings
  frames_total=$(frames_of "$dir/measure/stderr")
  timings=$(timings_of "$dir/measure/stderr")

  awk -v name="$name" -v run="$run" -v s0="$s0" -v s1="$s1" -v x0="$x0" -v x1="$x1" \
    -v m0="$m0" -v m1="$m1" -v t0="$t0" -v t1="$t1" -v hz="$clk_tck" -v peak="$peak" \
    -v peak_all="$peak_all" -v sum="$sum" -v n="$n" -v xpeak="$xpeak" -v hwm="${hwm:-0}" \
    -v ft="$frames_total" -v fw="$frames_warmup" -v gl="${gl:--}" -v timings="$timings" 'BEGIN {
    split(s0, a, " "); split(s1, b, " "); split(x0, xa, " "); split(x1, xb, " ")
    split(m0, ma, " "); split(m1, mb, " ")
    secs = (t1 - t0) / 1e6
    frames = (ft == "-" || fw == "-") ? "-" : ft - fw
    busy = mb[2] > ma[2] ? 100 * (mb[1] - ma[1]) / (mb[2] - ma[2]) : 0
    split(timings, tm, " ")
    printf "%s,%d,%.2f,%s,%.1f,%.1f,%.1f,%.2f,%s,%s,%.1f,%.1f,%.1f,%.1f,%d,%d,%s,%.2f,%.0f,%.1f,%s,%s\n",
      name, run, (b[1] - a[1]) / hz, frames, peak / 1024, sum / n / 1024,
      (b[3] + b[4] - a[3] - a[4]) / secs, (xb[1] - xa[1]) / hz, ft, fw,
      (b[3] - a[3]) / secs, peak_all / 1024, hwm / 1024, xpeak / 1024, b[5], b[6], gl, secs, busy,
      (xb[3] + xb[4] - xa[3] - xa[4]) / secs, tm[1], tm[2]
  }' >>"$csv"
}

# --- all runs, then the tables ----------------------------------------------------------------

mkdir -p "$root/bench/out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
csv=${out:-$root/bench/out/slideshow-$stamp.csv}
mkdir -p "$(dirname "$csv")"
echo "$csv_header" >"$csv"

mesa=$(dpkg-query -W -f='${Version}' libgl1-mesa-dri 2>/dev/null || echo unknown)
if command -v glxinfo >/dev/null; then
  mesa="$mesa; $(glxinfo -B 2>/dev/null | grep -m1 'OpenGL renderer' | sed 's/.*: //')"
fi
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if git -C "$root" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null |
  grep -q .; then commit="$commit + uncommitted changes"; fi
echo "# $(date -u +%FT%TZ) $(uname -m), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')," \
  "Mesa $mesa, $(awk '{ print $1, $2, $3 }' /proc/loadavg) load at start, podium $commit"
echo "# ${size}, warm-up ${warmup} s, measured ${seconds} s, ${runs} runs per case, interleaved"

for run in $(seq "$runs"); do
  for c in "${cases[@]}"; do run_once "$c" "$run"; done
done

echo
echo "raw runs ($csv):"
if command -v column >/dev/null; then column -s, -t <"$csv"; else cat "$csv"; fi
echo
# The CSV's columns in the table's order, and their widths.
columns=(3 4 5 6 7 8 21 22)
widths=(7 7 13 13 14 11 17 15)
printf '%-14s %7s %7s %13s %13s %14s %11s %17s %15s\n' case cpu_s frames pss_peak_MiB \
  pss_mean_MiB wakeups_per_s xvfb_cpu_s longest_frame_ms longest_gap_ms
for c in "${cases[@]}"; do
  row=$(printf '%-14s' "$c")
  for i in "${!columns[@]}"; do
    m=$(awk -F, -v c="$c" -v k="${columns[i]}" 'NR > 1 && $1 == c && $k != "-" { print $k }' "$csv" |
      median)
    row+=$(printf ' %*s' "${widths[i]}" "$m")
  done
  echo "$row"
done
echo "(medians of $runs runs; frames: those of the measured ${seconds} s; all figures in the CSV)"

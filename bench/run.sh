#!/usr/bin/env bash
# The sync benchmark: real Dovecot -> Dovecot on loopback (scripts/dovecot-pair.sh), a seeded
# realistic corpus, and `java -jar` with bin/mailshift's JVM flags under /usr/bin/time -v.
#
#   bench/run.sh [--messages N] [--seed S] [--connections C] [--repeat R] [--keep] [--mbsync]
#
# Measures: the full sync (wall, msgs/s, MB/s), a no-op re-run (wall incl. JVM start), a small
# delta (50 new messages + 100 flag changes), peak RSS of each, and the IMAP commands of a
# second no-op run counted from Dovecot's rawlog. With --mbsync also mbsync's no-op re-run on
# the same corpus (installs isync). Prints a table and writes bench/out/results-N.json.
# Needs root (Dovecot masters, doveadm) like the integration tests.
#
# Corpus: written as Maildir files straight into the source user's Maildir (bench/CorpusSeeder.java,
# deterministic by --seed), then `doveadm force-resync`: 20,000 IMAP APPENDs would take minutes.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
MESSAGES=2000
SEED=42
CONNECTIONS=4
KEEP=0
REPEAT=3
MBSYNC=0
while [ $# -gt 0 ]; do
  case "$1" in
    --messages) MESSAGES=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --mbsync) MBSYNC=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { echo "bench: $*" >&2; }

source "$here/scripts/select-jdk.sh"
JAVA="$JAVA_HOME/bin/java"
if [ ! -x /usr/bin/time ]; then
  say "installing GNU time"
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi

cd "$here"
jar=$(ls target/mailshift-*-all.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
  say "building the jar"
  ./mvnw -B -q -o package -DskipTests >&2
  jar=$(ls target/mailshift-*-all.jar | head -1)
  rm -rf target/mailshift.jsa target/mailshift.aot target/sqlite-native
fi
# The same flags as bin/mailshift (scripts/jvm-flags.sh), its start-up cache included.
source "$here/scripts/jvm-flags.sh"

WORK=$(mktemp -d /tmp/mailshift-bench.XXXXXX)
chmod 0755 "$WORK" # the Dovecot pair lives inside: its dovecot user must traverse it
PAIR="$WORK/dovecot"
cleanup() {
  "$here/scripts/dovecot-pair.sh" stop "$PAIR" >/dev/null 2>&1 || true
  if [ "$KEEP" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
"$here/scripts/dovecot-pair.sh" start "$PAIR" >/dev/null
source "$PAIR/ports.env"
SRC_CONF="$PAIR/src/dovecot.conf"
DST_CONF="$PAIR/dst/dovecot.conf"
USER=user001
WARM_USER=user002

seed() { # user messages seed -> prints the seeder's summary
  local maildir="$PAIR/src/home/$1/Maildir"
  "$JAVA" "$here/bench/CorpusSeeder.java" corpus --maildir "$maildir" --messages "$2" --seed "$3"
  chown -R dovecot:dovecot "$PAIR/src/home/$1"
  doveadm -c "$SRC_CONF" force-resync -u "$1" '*'
  doveadm -c "$SRC_CONF" mailbox list -u "$1" | while read -r box; do
    doveadm -c "$SRC_CONF" mailbox subscribe -u "$1" "$box"
  done
}

say "seeding $MESSAGES messages (seed $SEED)"
t0=$(date +%s.%N)
summary=$(seed "$USER" "$MESSAGES" "$SEED")
BYTES=$(sed -n 's/.*bytes=\([0-9]*\).*/\1/p' <<<"$summary")
seed "$WARM_USER" 40 7 >/dev/null
say "seeded $summary in $(printf '%.1f' "$(echo "$(date +%s.%N) - $t0" | bc)") s"

PLAN_DIR="$WORK/plan"
mkdir -p "$PLAN_DIR" "$here/bench/out"
write_plan() { # file user
  cat >"$1" <<EOF
mailshift: 1
name: bench
servers:
  src: { imap: "imap://127.0.0.1:$SRC_IMAP", plaintext: true, limits: { connections: $CONNECTIONS } }
  dst: { imap: "imap://127.0.0.1:$DST_IMAP", plaintext: true, limits: { connections: $CONNECTIONS } }
accounts:
  defaults: { source-server: src, destination-server: dst, source-password: "env:BENCH_PW", destination-password: "env:BENCH_PW" }
  list:
    - { source: $2 }
phases:
  - { name: bulk, steps: [preflight, sync] }
EOF
}
write_plan "$PLAN_DIR/plan.yaml" "$USER"
mkdir -p "$WORK/warm"
write_plan "$WORK/warm/plan.yaml" "$WARM_USER"
export BENCH_PW=pw

mailshift() { # label args... : runs under /usr/bin/time -v, output in $WORK/LABEL.{out,time}
  local label=$1; shift
  if ! /usr/bin/time -v -o "$WORK/$label.time" "$JAVA" "${MAILSHIFT_JVM_FLAGS[@]}" -jar "$jar" "$@" \
      >"$WORK/$label.out" 2>&1; then
    cat "$WORK/$label.out" >&2
    say "$label failed"
    exit 1
  fi
}
wall() { # GNU time's "h:mm:ss" or "m:ss.ss" to seconds
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; printf "%.3f", s}' "$WORK/$1.time"
}
rss_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/$1.time"; }
cpu() { awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$WORK/$1.time"; }

# CPU seconds of a Dovecot instance's reaped children (its imap processes), from /proc.
server_cpu() {
  local pid; pid=$(cat "$PAIR/$1/run/master.pid")
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($16 + $17) / hz}' "/proc/$pid/stat"
}
measure() { # label args... : mailshift under time, plus the servers' CPU during it
  local label=$1 s0 d0; shift
  s0=$(server_cpu src); d0=$(server_cpu dst)
  mailshift "$label" "$@"
  echo "$(echo "$(server_cpu src) - $s0" | bc) $(echo "$(server_cpu dst) - $d0" | bc)" >"$WORK/$label.server"
}
srv() { cat "$WORK/$1.server"; } # "source_cpu destination_cpu"

# Byte-exactness: per folder, the multiset of SHA-256 of the message files must be the same on
# both sides (Dovecot stores both with LF line ends; source Maildir++ ".A.B" is LAYOUT=fs "A/B").
same_messages() { # user
  local src="$PAIR/src/home/$1/Maildir" dst="$PAIR/dst/home/$1/Maildir" d name rel a b bad=0
  for d in "$src" "$src"/.*/; do
    d=${d%/}; [ -d "$d/cur" ] || continue
    name=$(basename "$d"); [ "$d" = "$src" ] && name=""
    rel=${name#.}; rel=${rel//./\/}
    a=$(find "$d/cur" "$d/new" -type f -print0 | xargs -0 -r sha256sum | cut -d' ' -f1 | sort | sha256sum)
    b=$(find "$dst/$rel/cur" "$dst/$rel/new" -maxdepth 1 -type f -print0 2>/dev/null \
      | xargs -0 -r sha256sum | cut -d' ' -f1 | sort | sha256sum)
    [ "$a" = "$b" ] || { say "folder ${rel:-INBOX}: destination bytes differ from the source"; bad=1; }
  done
  return $bad
}

dst_messages() {
  doveadm -c "$DST_CONF" -f flow mailbox status -u "$1" messages '*' \
    | sed -n 's/.*messages=\([0-9]*\).*/\1/p' | awk '{s+=$1} END {print s+0}'
}

say "writing the start-up cache as bin/mailshift does (a sandbox run), then warming Dovecot"
rm -f "$here/target/mailshift.jsa" "$here/target/mailshift.aot"
"$here/bin/mailshift" --version >/dev/null
mailshift_jvm_flags "$here/target" "$jar"
mailshift warm apply "$WORK/warm/plan.yaml"
mailshift warm2 apply "$WORK/warm/plan.yaml"

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
say "full sync (load average $LOAD)"
measure full apply "$PLAN_DIR/plan.yaml"
copied=$(dst_messages "$USER")
[ "$copied" = "$MESSAGES" ] || { say "destination holds $copied messages, expected $MESSAGES"; exit 1; }
same_messages "$USER" || exit 1

say "no-op re-run ($REPEAT times)"
for r in $(seq 1 "$REPEAT"); do measure "noop$r" apply "$PLAN_DIR/plan.yaml"; done
# The median run by wall time stands for the no-op; all are in the JSON.
NOOP_ALL=$(for r in $(seq 1 "$REPEAT"); do echo "$(wall "noop$r") noop$r"; done | sort -n)
NOOP=$(sed -n "$(( (REPEAT + 1) / 2 ))p" <<<"$NOOP_ALL" | cut -d' ' -f2)
cp "$WORK/$NOOP.time" "$WORK/noop.time"; cp "$WORK/$NOOP.server" "$WORK/noop.server"
# The same through the launcher, as a user types it (JDK selection and jar check included).
/usr/bin/time -v -o "$WORK/noop_launcher.time" "$here/bin/mailshift" apply "$PLAN_DIR/plan.yaml" \
  >"$WORK/noop_launcher.out" 2>&1 || { cat "$WORK/noop_launcher.out" >&2; exit 1; }

# Round trips of a no-op run: Dovecot writes every client line to a rawlog ("TIME TAG COMMAND"
# after login; CAPABILITY/LOGIN go to the login process and are not in it); count the commands (rawlog_dir must exist; it is read at login, so reload first).
say "no-op re-run with Dovecot rawlog (counting commands)"
for side in src dst; do
  mkdir -p "$PAIR/$side/rawlog"; chown dovecot:dovecot "$PAIR/$side/rawlog"
  printf 'protocol imap {\n  rawlog_dir = %s\n}\n' "$PAIR/$side/rawlog" >>"$PAIR/$side/dovecot.conf"
  doveadm -c "$PAIR/$side/dovecot.conf" reload
done
mailshift noop_rawlog apply "$PLAN_DIR/plan.yaml"
count_commands() { # side -> "connections commands"
  local files=("$PAIR/$1"/rawlog/*.in)
  [ -e "${files[0]}" ] || { echo "0 0"; return; }
  echo "${#files[@]} $(cat "${files[@]}" | grep -c -E '^[0-9.]+ [A-Za-z0-9]+ [A-Za-z]')"
}
read -r SRC_CONNS SRC_CMDS <<<"$(count_commands src)"
read -r DST_CONNS DST_CMDS <<<"$(count_commands dst)"
SRC_CMD_LIST=$(cat "$PAIR/src"/rawlog/*.in 2>/dev/null | awk '/^[0-9.]+ [A-Za-z0-9]+ [A-Za-z]/ {print toupper($3)}' | sort | uniq -c | awk '{printf "%s%s=%s", sep, $2, $1; sep=" "}')
DST_CMD_LIST=$(cat "$PAIR/dst"/rawlog/*.in 2>/dev/null | awk '/^[0-9.]+ [A-Za-z0-9]+ [A-Za-z]/ {print toupper($3)}' | sort | uniq -c | awk '{printf "%s%s=%s", sep, $2, $1; sep=" "}')
for side in src dst; do
  sed -i '/^protocol imap {$/{N;N;/rawlog_dir/d}' "$PAIR/$side/dovecot.conf"
  doveadm -c "$PAIR/$side/dovecot.conf" reload
done
FOLDERS=$(doveadm -c "$SRC_CONF" mailbox list -u "$USER" | wc -l)

say "small delta: 50 new messages, 100 flag changes"
"$JAVA" "$here/bench/CorpusSeeder.java" eml --out "$WORK/delta" --count 50 --seed "$SEED"
i=0
for f in "$WORK"/delta/*.eml; do
  # 30 to INBOX, the rest spread over three other folders, as new mail arrives.
  case $(( i % 5 )) in 0|1|2) box=INBOX ;; 3) box=INBOX.Sent ;; *) box=INBOX.Projects.Alpha ;; esac
  doveadm -c "$SRC_CONF" save -u "$USER" -m "$box" <"$f"
  i=$((i + 1))
done
# 100 flag changes: a keyword added to 100 messages (10 in each of 10 folders), by UID.
changed=0
doveadm -c "$SRC_CONF" mailbox list -u "$USER" | head -10 | while read -r box; do
  n=$(doveadm -c "$SRC_CONF" -f flow mailbox status -u "$USER" messages "$box" | sed -n 's/.*messages=\([0-9]*\).*/\1/p')
  step=$(( n / 10 > 0 ? n / 10 : 1 ))
  uids=$(seq 1 "$step" "$n" | head -10 | paste -sd, -)
  doveadm -c "$SRC_CONF" flags add -u "$USER" '$Delta' mailbox "$box" uid "$uids"
done
FLAGGED=$(doveadm -c "$SRC_CONF" search -u "$USER" keyword '$Delta' | wc -l)
measure delta apply "$PLAN_DIR/plan.yaml"
copied=$(dst_messages "$USER")
[ "$copied" = "$((MESSAGES + 50))" ] || { say "after the delta the destination holds $copied, expected $((MESSAGES + 50))"; exit 1; }
same_messages "$USER" || exit 1
DST_FLAGGED=$(doveadm -c "$DST_CONF" search -u "$USER" keyword '$Delta' | wc -l)
[ "$DST_FLAGGED" = "$FLAGGED" ] || { say "the destination has $DST_FLAGGED messages with the new keyword, expected $FLAGGED"; exit 1; }

MBSYNC_NOOP=null
MBSYNC_FULL=null
if [ "$MBSYNC" = 1 ]; then
  command -v mbsync >/dev/null || { say "installing isync (mbsync)"; apt-get install -y -qq isync >/dev/null || { apt-get update -qq && apt-get install -y -qq isync >/dev/null; }; }
  say "mbsync: full sync of the same source to another destination user, then its no-op re-run ($REPEAT times)"
  mkdir -p "$WORK/mbsync"
  # Sections are separated by blank lines; Junk exists only on the destination (auto-created).
  cat >"$WORK/mbsync/rc" <<EOF
IMAPAccount src
Host 127.0.0.1
Port $SRC_IMAP
User $USER
Pass pw
SSLType None
AuthMechs LOGIN

IMAPStore src
Account src

IMAPAccount dst
Host 127.0.0.1
Port $DST_IMAP
User user003
Pass pw
SSLType None
AuthMechs LOGIN

IMAPStore dst
Account dst

Channel bench
Far :src:
Near :dst:
Patterns * !Junk
Create Near
Sync Pull
SyncState $WORK/mbsync/
EOF
  /usr/bin/time -v -o "$WORK/mbsync_full.time" mbsync -q -c "$WORK/mbsync/rc" bench >"$WORK/mbsync_full.out" 2>&1 \
    || { cat "$WORK/mbsync_full.out" >&2; say "mbsync failed"; exit 1; }
  MBSYNC_FULL=$(wall mbsync_full)
  for r in $(seq 1 "$REPEAT"); do
    /usr/bin/time -v -o "$WORK/mbsync_noop$r.time" mbsync -q -c "$WORK/mbsync/rc" bench >"$WORK/mbsync_noop.out" 2>&1 \
      || { cat "$WORK/mbsync_noop.out" >&2; say "mbsync failed"; exit 1; }
  done
  MBSYNC_ALL=$(for r in $(seq 1 "$REPEAT"); do wall "mbsync_noop$r"; echo; done | sort -n)
  MBSYNC_NOOP=$(sed -n "$(( (REPEAT + 1) / 2 ))p" <<<"$MBSYNC_ALL")
fi

FULL=$(wall full)
msgs_s=$(echo "scale=1; $MESSAGES / $FULL" | bc)
mb_s=$(echo "scale=1; $BYTES / 1000000 / $FULL" | bc)
printf '\nmailshift bench: %s messages, %s MB over %s folders, %s connections per server\n' \
  "$MESSAGES" "$((BYTES / 1000000))" "$FOLDERS" "$CONNECTIONS"
printf 'load average before: %s\n' "$LOAD"
printf '%-22s %9s %9s %9s %10s %9s %13s\n' run wall_s msgs/s MB/s peakRSS_MB cpu_s server_cpu_s
printf '%-22s %9s %9s %9s %10s %9s %13s\n' "full sync" "$FULL" "$msgs_s" "$mb_s" "$(rss_mb full)" "$(cpu full)" "$(srv full | tr ' ' /)"
printf '%-22s %9s %9s %9s %10s %9s %13s\n' "no-op re-run (median)" "$(wall noop)" - - "$(rss_mb noop)" "$(cpu noop)" "$(srv noop | tr ' ' /)"
printf '%-22s %s\n' "  all no-op runs" "$(cut -d' ' -f1 <<<"$NOOP_ALL" | paste -sd' ' -)"
printf '%-22s %9s %9s %9s %10s %9s\n' "  via bin/mailshift" "$(wall noop_launcher)" - - "$(rss_mb noop_launcher)" "$(cpu noop_launcher)"
printf '%-22s %9s %9s %9s %10s %9s %13s\n' "delta (50 new+100 fl)" "$(wall delta)" - - "$(rss_mb delta)" "$(cpu delta)" "$(srv delta | tr ' ' /)"
if [ "$MBSYNC" = 1 ]; then
  printf '%-22s %9s %9s\n' "mbsync full sync" "$MBSYNC_FULL" "$(echo "scale=1; $MESSAGES / $MBSYNC_FULL" | bc)"
  printf '%-22s %9s   (all: %s)\n' "mbsync no-op (median)" "$MBSYNC_NOOP" "$(paste -sd' ' <<<"$MBSYNC_ALL")"
fi
printf 'no-op commands: source %s on %s connections (%s); destination %s on %s connections (%s)\n' \
  "$SRC_CMDS" "$SRC_CONNS" "$SRC_CMD_LIST" "$DST_CMDS" "$DST_CONNS" "$DST_CMD_LIST"

out="$here/bench/out/results-$MESSAGES.json"
cat >"$out" <<EOF
{
  "messages": $MESSAGES, "bytes": $BYTES, "folders": $FOLDERS, "seed": $SEED,
  "connections": $CONNECTIONS, "java": "$("$JAVA" -version 2>&1 | head -1 | tr -d '"')",
  "commit": "$(git -C "$here" rev-parse --short HEAD)$(git -C "$here" diff --quiet HEAD -- src pom.xml bin || echo +dirty)",
  "load_average_before": "$LOAD",
  "full": { "server_cpu_s": "$(srv full)", "wall_s": $FULL, "msgs_per_s": $msgs_s, "mb_per_s": $mb_s, "peak_rss_mb": $(rss_mb full), "cpu_s": $(cpu full) },
  "noop": { "all_wall_s": [$(cut -d' ' -f1 <<<"$NOOP_ALL" | paste -sd, -)], "server_cpu_s": "$(srv noop)", "wall_s": $(wall noop), "peak_rss_mb": $(rss_mb noop), "cpu_s": $(cpu noop),
            "launcher_wall_s": $(wall noop_launcher),
            "source_commands": $SRC_CMDS, "source_connections": $SRC_CONNS,
            "destination_commands": $DST_CMDS, "destination_connections": $DST_CONNS,
            "source_command_counts": "$SRC_CMD_LIST", "destination_command_counts": "$DST_CMD_LIST" },
  "delta": { "server_cpu_s": "$(srv delta)", "new_messages": 50, "flag_changes": $FLAGGED, "wall_s": $(wall delta), "peak_rss_mb": $(rss_mb delta), "cpu_s": $(cpu delta) },
  "mbsync_full_wall_s": $MBSYNC_FULL, "mbsync_noop_wall_s": $MBSYNC_NOOP
}
EOF
say "wrote $out"

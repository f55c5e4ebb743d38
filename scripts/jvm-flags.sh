#!/usr/bin/env bash
# Sourced by bin/mailshift and bench/run.sh after select-jdk.sh: sets the array
# MAILSHIFT_JVM_FLAGS for `java ... -jar target/mailshift-*-all.jar`. Measured with bench/run.sh
# on the 2,000-message Dovecot corpus (2 cores):
# - Start-up cache of the target dir: on JDK >= 25 an AOT cache (JEP 483/515: classes loaded
#   and linked ahead, with method profiles), written by the run that finds none
#   (`mailshift.aot`, ~2 s once at its exit; bin/mailshift makes that a sandbox run, which
#   covers validate, plan and apply); on JDK 21-24 a dynamic CDS archive (`mailshift.jsa`).
#   No-op re-run CPU (before the later start-up work below):
#   CDS 1.75-2.1 s, AOT cache 1.0-1.2 s; peak RSS 110 -> 89 MB. VM messages go to stderr so
#   that the first run's stdout (e.g. `plan --json`) stays clean.
# - C1 only (TieredStopAtLevel=1): the work is I/O and SHA-256, and C2's compilations cost more
#   CPU than they save (full sync 9.0 -> 5.8 CPU-s; no-op 2.7 -> 1.5 CPU-s).
# - Serial GC, a small initial heap, a fixed 24 MB young generation and a 144 MB heap cap: the
#   live data of a 4-worker sync is 13-21 MB (after full GCs), but without a cap Serial grows the
#   old generation with garbage instead of collecting it (20,000-message full sync: peak RSS
#   562 MB uncapped; 253 MB with a 160 MB cap, 240 MB with 144 MB at 1,050 msgs/s). Each worker needs ~12 MB at most; the engine runs fewer
#   workers than the connection limits allow when the heap is too small for them, and says so.
#   For more, set MAILSHIFT_JAVA_OPTS=-Xmx...
# - SQLite's native library, extracted once into the target dir: without it sqlite-jdbc forks
#   `uname -o`, copies the 1.1 MB library to /tmp and scans /tmp at every start (~0.1 CPU-s of
#   a no-op).
#   Only where the jar's library path is known (Linux x86_64/aarch64 with glibc); elsewhere
#   sqlite-jdbc finds its library itself.
# The cache files are deleted when the jar is newer (bin/mailshift also does after a build).
mailshift_sqlite_native() { # target jar -> prints the directory holding libsqlitejdbc.so, or nothing
  local target=$1 jar=$2 arch dir="$1/sqlite-native"
  # Extracted again when the jar is newer (a rebuild may bring another sqlite-jdbc version).
  if [ -s "$dir/libsqlitejdbc.so" ] && ! [ "$jar" -nt "$dir/libsqlitejdbc.so" ]; then
    echo "$dir"
    return 0
  fi
  [ "$(uname -s)" = Linux ] || return 0
  case "$(uname -m)" in x86_64) arch=x86_64 ;; aarch64) arch=aarch64 ;; *) return 0 ;; esac
  ldd --version 2>&1 | grep -qi musl && return 0
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp" || return 0
  (cd "$dir.tmp" && "$JAVA_HOME/bin/jar" xf "$jar" "org/sqlite/native/Linux/$arch/libsqlitejdbc.so") \
    2>/dev/null || return 0
  [ -s "$dir.tmp/org/sqlite/native/Linux/$arch/libsqlitejdbc.so" ] || return 0
  mkdir -p "$dir" && mv "$dir.tmp/org/sqlite/native/Linux/$arch/libsqlitejdbc.so" "$dir/" \
    && touch "$dir/libsqlitejdbc.so" && rm -rf "$dir.tmp" && echo "$dir"
}

mailshift_jvm_flags() { # target [jar]
  local target=$1 jar=${2:-} major native
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release" 2>/dev/null || true)
  MAILSHIFT_JVM_FLAGS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms32m -Xmn24m -Xmx144m
    --enable-native-access=ALL-UNNAMED -XX:+DisplayVMOutputToStderr)
  if [ -n "$jar" ]; then
    # A cache older than the jar goes: JDK 25 does not notice a rebuilt jar (same path) and runs
    # the classes of the old one from its AOT cache.
    local cache
    for cache in "$target/mailshift.aot" "$target/mailshift.jsa"; do
      if [ -e "$cache" ] && [ "$jar" -nt "$cache" ]; then rm -f "$cache"; fi
    done
    native=$(mailshift_sqlite_native "$target" "$jar")
    if [ -n "$native" ]; then
      # org.sqlite.tmpdir: sqlite-jdbc scans it for stale copies of its library at every start;
      # this directory holds one file, /tmp may hold thousands.
      MAILSHIFT_JVM_FLAGS+=(-Dorg.sqlite.lib.path="$native" -Dorg.sqlite.lib.name=libsqlitejdbc.so
        -Dorg.sqlite.tmpdir="$native")
    fi
  fi
  if [ "${major:-0}" -ge 25 ]; then
    if [ -s "$target/mailshift.aot" ]; then
      MAILSHIFT_JVM_FLAGS+=(-XX:AOTCache="$target/mailshift.aot" -Xlog:aot=off -Xlog:cds=off)
    else
      MAILSHIFT_JVM_FLAGS+=(-XX:AOTCacheOutput="$target/mailshift.aot" -Xlog:aot=off -Xlog:cds=off)
    fi
  else
    MAILSHIFT_JVM_FLAGS+=(-XX:SharedArchiveFile="$target/mailshift.jsa" -XX:+AutoCreateSharedArchive
      -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
}

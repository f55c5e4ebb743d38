#!/usr/bin/env bash
# A private BIND9 on 127.0.0.1 for manual tests and demos (the Java ITs use the JUnit extension
# dev.mailshift.testsupport.BindServer, which writes the same configuration).
#
#   scripts/bind-test-server.sh start DIR ZONE [ZONEFILE]   writes named.conf, the zone (ZONEFILE,
#                                                          or a minimal one) and a TSIG key into
#                                                          DIR and starts named
#   scripts/bind-test-server.sh stop DIR                    stops it (safe to call twice)
#
# The zone accepts only updates signed with the key (update-policy { grant mailshift zonesub
# ANY; }) and zone transfers signed with it. named runs in the foreground (-g) in the background
# of this script as "nobody" when started as root, so DIR is made traversable and its files
# world-readable (a mktemp -d directory is 0700).
#
# DIR/bind.env afterwards holds: PORT ZONE KEY_NAME KEY_ALGORITHM KEY_SECRET KEY_FILE (for
# nsupdate -k). Example:
#   scripts/bind-test-server.sh start /tmp/b acme.test
#   . /tmp/b/bind.env; dig +norec -p "$PORT" @127.0.0.1 "$ZONE" SOA
#   printf 'server 127.0.0.1 %s\nupdate add x.%s 60 A 192.0.2.1\nsend\n' "$PORT" "$ZONE" \
#     | nsupdate -k "$KEY_FILE"
set -euo pipefail

NAMED=${NAMED:-/usr/sbin/named}
die() { echo "bind-test-server: $*" >&2; exit 1; }

port_in_use() { ss -Hlun "sport = :$1" 2>/dev/null | grep -q . || ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 30000 ))
    port_in_use "$p" || { echo "$p"; return; }
  done
  die "no free port found"
}

start() {
  local dir=$1 zone=${2%.}. zonefile=${3:-}
  [ -x "$NAMED" ] || die "$NAMED not found: apt install bind9 (scripts/install-deps.sh)"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ -f "$dir/named.pid" ] && kill -0 "$(cat "$dir/named.pid")" 2>/dev/null \
    && die "named already runs for $dir (pid $(cat "$dir/named.pid"))"
  local port secret
  port=$(free_port)
  secret=$(head -c 32 /dev/urandom | base64)
  cat > "$dir/tsig.key" <<KEY
key "mailshift" {
  algorithm hmac-sha256;
  secret "$secret";
};
KEY
  if [ -n "$zonefile" ]; then
    cp "$zonefile" "$dir/zone.db"
  else
    cat > "$dir/zone.db" <<ZONE
\$TTL 3600
@   IN SOA ns1.$zone hostmaster.$zone ( 1 3600 600 86400 300 )
    IN NS  ns1.$zone
ns1 IN A   127.0.0.1
ZONE
  fi
  cat > "$dir/named.conf" <<CONF
include "$dir/tsig.key";
options {
  directory "$dir";
  pid-file "$dir/named.pid";
  session-keyfile "$dir/session.key";
  managed-keys-directory "$dir";
  listen-on port $port { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  dnssec-validation no;
  notify no;
};
controls { };
zone "$zone" {
  type primary;
  file "$dir/zone.db";
  update-policy { grant mailshift zonesub ANY; };
  allow-transfer { key mailshift; };
};
CONF
  chmod 0777 "$dir"
  chmod 0666 "$dir"/named.conf "$dir"/zone.db "$dir"/tsig.key
  local user=()
  [ "$(id -u)" -eq 0 ] && user=(-u nobody)
  "$NAMED" -g -c "$dir/named.conf" "${user[@]}" > "$dir/named.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || { cat "$dir/named.log" >&2; die "named exited"; }
    if dig +norec +short +time=1 +tries=1 -p "$port" @127.0.0.1 "$zone" SOA 2>/dev/null | grep -q .; then
      echo "$pid" > "$dir/named.pid"
      cat > "$dir/bind.env" <<ENV
PORT=$port
ZONE=$zone
KEY_NAME=mailshift
KEY_ALGORITHM=hmac-sha256
KEY_SECRET=$secret
KEY_FILE=$dir/tsig.key
ENV
      echo "bind-test-server: $zone on 127.0.0.1:$port (pid $pid); settings in $dir/bind.env"
      return
    fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  cat "$dir/named.log" >&2
  die "named did not answer the SOA of $zone within 10s"
}

stop() {
  local dir=$1 pid
  [ -f "$dir/named.pid" ] || return 0
  pid=$(cat "$dir/named.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/named.pid"
}

case "${1:-}" in
  start) [ $# -ge 3 ] || die "usage: $0 start DIR ZONE [ZONEFILE]"; start "$2" "$3" "${4:-}" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" ;;
  *) die "usage: $0 start DIR ZONE [ZONEFILE] | stop DIR" ;;
esac

#!/usr/bin/env bash
# Two private Dovecot 2.3 instances on 127.0.0.1 for tests and benchmarks.
#
#   scripts/dovecot-pair.sh start DIR   writes configs, a self-signed cert and starts both
#   scripts/dovecot-pair.sh stop DIR    stops both (safe to call twice)
#
# SOURCE ("src"): Maildir++, separator '.', personal namespace prefix "INBOX.".
# DESTINATION ("dst"): Maildir LAYOUT=fs, separator '/', no prefix, SPECIAL-USE folders
#   (Drafts, Sent, Trash, Junk, Archive) and an APPENDLIMIT in bytes (quota_max_mail_size,
#   env DOVECOT_APPEND_LIMIT, default 31457280 = 30 MiB).
# Both: plain IMAP and IMAPS listeners, CONDSTORE/QRESYNC (Dovecot's defaults), quota + acl.
# With env DOVECOT_SOURCE_LISTESCAPE=1 the SOURCE also runs the listescape plugin, so a name may
#   hold '/' (refused by Maildir++ otherwise), as on Courier and Cyrus.
#
# Users: passwd-file with user001 .. userNNN (NNN = env DOVECOT_USERS, default 500), password
# "pw" (PLAIN scheme), the same list on both servers. Each test takes the next unused number,
# so every test starts with empty mailboxes on both sides.
#
# DIR/ports.env afterwards holds:
#   SRC_IMAP SRC_IMAPS DST_IMAP DST_IMAPS CERT (PEM of the self-signed cert, CN/SAN localhost
#   only, so that a client connecting to 127.0.0.1 sees a name mismatch) USERS PASSWORD
# Run it as root: the Dovecot masters run as root, mail is stored as user "dovecot" (Dovecot
# refuses uid 0 for mail), the auth worker runs as "dovecot" too, so DIR is made traversable
# (a mktemp -d directory is 0700).
set -euo pipefail

DOVECOT=${DOVECOT:-/usr/sbin/dovecot}
APPEND_LIMIT=${DOVECOT_APPEND_LIMIT:-31457280}

die() { echo "dovecot-pair: $*" >&2; exit 1; }

port_in_use() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! port_in_use "$p" && ! grep -qx "$p" "$USED_PORTS" 2>/dev/null; then
      echo "$p" >>"$USED_PORTS"
      echo "$p"
      return 0
    fi
  done
  die "no free port found"
}

write_users() {
  local file=$1 n=$2 i
  : >"$file"
  for i in $(seq 1 "$n"); do
    printf 'user%03d:{PLAIN}pw::::::\n' "$i" >>"$file"
  done
  chmod 0644 "$file"
}

write_cert() {
  local dir=$1
  [[ -f $dir/cert.pem ]] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost" >/dev/null 2>&1 \
    || die "openssl could not create a certificate in $dir"
  chmod 0644 "$dir/cert.pem"
  chmod 0600 "$dir/key.pem"
}

# common_conf NAME IMAP_PORT IMAPS_PORT [EXTRA_PLUGINS]
common_conf() {
  local name=$1 imap=$2 imaps=$3 extra=${4:-} inst="$DIR/$1"
  cat <<EOF
base_dir = $inst/run
state_dir = $inst/state
instance_name = mailshift-$name-$imap
log_path = $inst/dovecot.log
info_log_path = $inst/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <$DIR/cert.pem
ssl_key = <$DIR/key.pem
ssl_dh = </usr/share/dovecot/dh.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
default_internal_user = dovecot
default_login_user = dovenull
mail_max_userip_connections = 1000
mail_fsync = never
maildir_very_dirty_syncs = yes
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DIR/users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=$inst/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps
    ssl = yes
  }
  service_count = 0
  process_min_avail = 1
}
service imap {
  process_limit = 1024
}
service auth {
  unix_listener auth-userdb {
    mode = 0666
  }
}
mail_plugins = quota acl$extra
protocol imap {
  mail_plugins = \$mail_plugins imap_quota imap_acl
}
EOF
}

source_conf() {
  local plugins=""
  [[ ${DOVECOT_SOURCE_LISTESCAPE:-0} == 1 ]] && plugins=" listescape"
  common_conf src "$1" "$2" "$plugins"
  cat <<EOF
mail_location = maildir:$DIR/src/home/%u/Maildir
namespace inbox {
  inbox = yes
  separator = .
  prefix = INBOX.
}
plugin {
  quota = count:User quota
  quota_vsizes = yes
  quota_rule = *:storage=10G
  acl = vfile
}
EOF
}

destination_conf() {
  common_conf dst "$1" "$2"
  # Dovecot 2.3 enforces quota_max_mail_size but does not implement RFC 7889: advertise the
  # same number as APPENDLIMIT so clients can see it.
  cat <<EOF
imap_capability = +APPENDLIMIT=$APPEND_LIMIT
mail_location = maildir:$DIR/dst/home/%u/Maildir:LAYOUT=fs
namespace inbox {
  inbox = yes
  separator = /
  prefix =
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Archive {
    special_use = \\Archive
    auto = create
  }
}
plugin {
  quota = count:User quota
  quota_vsizes = yes
  quota_rule = *:storage=10G
  quota_max_mail_size = $APPEND_LIMIT
  acl = vfile
}
EOF
}

wait_listening() {
  local port=$1 name=$2 i
  for i in $(seq 1 100); do
    port_in_use "$port" && return 0
    sleep 0.1
  done
  cat "$DIR/$name/dovecot.log" >&2 2>/dev/null || true
  die "$name did not listen on port $port"
}

# start_instances: writes configs on fresh ports and starts both; non-zero if one fails (a
# port taken between choosing and binding), after stopping whatever did start.
start_instances() {
  si=$(free_port); ss=$(free_port); di=$(free_port); ds=$(free_port)
  source_conf "$si" "$ss" >"$DIR/src/dovecot.conf"
  destination_conf "$di" "$ds" >"$DIR/dst/dovecot.conf"
  # The masters must not keep this script's stdout/stderr: a caller reading them to the end
  # (DovecotPair reads the output after waiting) would otherwise wait for the servers to stop.
  if "$DOVECOT" -c "$DIR/src/dovecot.conf" </dev/null >>"$DIR/src/start.log" 2>&1 \
      && "$DOVECOT" -c "$DIR/dst/dovecot.conf" </dev/null >>"$DIR/dst/start.log" 2>&1; then
    return 0
  fi
  stop_one "$DIR/src/dovecot.conf" "$DIR/src/run/master.pid"
  stop_one "$DIR/dst/dovecot.conf" "$DIR/dst/run/master.pid"
  return 1
}

start() {
  [[ -x $DOVECOT ]] || die "$DOVECOT not found (apt-get install dovecot-imapd)"
  mkdir -p "$DIR"
  DIR=$(cd "$DIR" && pwd)
  [[ -f $DIR/ports.env ]] && die "$DIR/ports.env exists: already started? run stop first"
  # The auth worker and login processes run as dovecot/dovenull and must reach DIR: mktemp -d
  # makes it 0700, so open it; its parents are left alone (use a directory under /tmp).
  chmod 0755 "$DIR"
  runuser -u dovecot -- test -x "$DIR" \
    || die "user dovecot cannot reach $DIR: use a directory whose parents are traversable (/tmp)"
  USED_PORTS=$DIR/.ports
  : >"$USED_PORTS"
  local users=${DOVECOT_USERS:-500}
  write_users "$DIR/users" "$users"
  write_cert "$DIR"
  for name in src dst; do
    mkdir -p "$DIR/$name/run" "$DIR/$name/state" "$DIR/$name/home"
    chmod 0755 "$DIR/$name" "$DIR/$name/run"
    chown dovecot:dovecot "$DIR/$name/home"
  done
  local attempt
  for attempt in 1 2 3; do
    start_instances && break
    [[ $attempt -eq 3 ]] && die "dovecot did not start: $(tail -5 "$DIR"/*/start.log "$DIR"/*/dovecot.log 2>/dev/null)"
  done
  wait_listening "$si" src; wait_listening "$ss" src
  wait_listening "$di" dst; wait_listening "$ds" dst
  cat >"$DIR/ports.env.tmp" <<EOF
SRC_IMAP=$si
SRC_IMAPS=$ss
DST_IMAP=$di
DST_IMAPS=$ds
CERT=$DIR/cert.pem
USERS=$users
PASSWORD=pw
EOF
  mv "$DIR/ports.env.tmp" "$DIR/ports.env"
  cat "$DIR/ports.env"
}

stop_one() {
  local conf=$1 pidfile=$2 pid i
  [[ -f $conf ]] || return 0
  if [[ -f $pidfile ]]; then
    pid=$(cat "$pidfile")
    "$DOVECOT" -c "$conf" stop 2>/dev/null || kill "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || return 0
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

stop() {
  [[ -d $DIR ]] || return 0
  DIR=$(cd "$DIR" && pwd)
  stop_one "$DIR/src/dovecot.conf" "$DIR/src/run/master.pid"
  stop_one "$DIR/dst/dovecot.conf" "$DIR/dst/run/master.pid"
  rm -f "$DIR/ports.env"
}

[[ $# -eq 2 ]] || die "usage: $0 start|stop DIR"
DIR=$2
case $1 in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop DIR" ;;
esac

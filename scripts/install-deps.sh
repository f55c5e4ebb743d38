#!/usr/bin/env bash
# Installs the real servers the integration tests run against: Dovecot (IMAP) and BIND9 (DNS),
# plus openssl for test certificates. Debian/Ubuntu, as root or with sudo. Their system services
# are not started: the tests run private instances on 127.0.0.1 high ports in temp dirs.
set -euo pipefail
need=()
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
[ -x /usr/sbin/named ] || need+=(bind9)
command -v nsupdate >/dev/null 2>&1 || need+=(bind9-dnsutils)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ ${#need[@]} -eq 0 ]; then
  echo "install-deps: dovecot, bind9, bind9-dnsutils and openssl are present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${need[*]}"
# Keep the packages' own services from starting (no systemd here, and ports 143/993/53 stay free).
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"

#!/bin/sh
# ssl-certificates: connect to the Website's IP service with openssl s_client (SNI = the Website's
# hostname) and write the certificate chain the server presents, in the order it sent it, as PEM
# blocks to /out/certificates.pem (mime boefje/ssl-certificates). A service that is not https is
# skipped (no output). No connection or no certificate: exit 1 with the reason on stderr.
set -eu
IN=${KAT_INPUT:-/in/input.json}
OUT=${KAT_OUTPUT_DIR:-/out}
WORK=$(mktemp -d /tmp/ssl.XXXXXX)

field() { jq -r "$1 // empty" "$IN"; }

address=$(field '.input.key.ip_service.ip_port.address.address')
port=$(field '.input.key.ip_service.ip_port.port')
service=$(field '.input.key.ip_service.service.name')
hostname=$(field '.input.key.hostname.name')
timeout_s=$(jq -r '.settings.timeout_seconds // 15 | floor' "$IN")

if [ -z "$address" ] || [ -z "$port" ] || [ -z "$hostname" ]; then
  echo "ssl-certificates: the input is not a Website (needs ip_service.ip_port.address, .port and hostname)" >&2
  exit 2
fi
if [ "$service" != "https" ]; then
  echo "ssl-certificates: service '$service' is not https; nothing to fetch"
  exit 0
fi
case "$port" in *[!0-9]*) echo "ssl-certificates: bad port '$port'" >&2; exit 2 ;; esac
case "$timeout_s" in ''|*[!0-9]*) timeout_s=15 ;; esac

# an IPv6 address needs brackets in host:port
case "$address" in *:*) target="[$address]:$port" ;; *) target="$address:$port" ;; esac

echo "ssl-certificates: connecting to $target (SNI $hostname)"
status=0
timeout "$timeout_s" openssl s_client -connect "$target" -servername "$hostname" -showcerts \
  </dev/null >"$WORK/s_client.txt" 2>"$WORK/s_client.err" || status=$?

# the PEM blocks only, in the order the server sent them
sed -n '/^-----BEGIN CERTIFICATE-----$/,/^-----END CERTIFICATE-----$/p' "$WORK/s_client.txt" >"$WORK/chain.pem"
count=$(grep -c '^-----BEGIN CERTIFICATE-----$' "$WORK/chain.pem" || true)

if [ "$count" -eq 0 ]; then
  if [ "$status" -eq 124 ]; then echo "ssl-certificates: no TLS handshake with $target within ${timeout_s} s" >&2
  else echo "ssl-certificates: $target presented no certificate (openssl exit $status)" >&2; fi
  tail -n 5 "$WORK/s_client.err" >&2
  exit 1
fi

cp "$WORK/chain.pem" "$OUT/certificates.pem"
printf '{"certificates.pem":["boefje/ssl-certificates"]}\n' >"$OUT/mime-types.json"
echo "ssl-certificates: $count certificate(s) from $target"

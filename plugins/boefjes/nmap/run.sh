#!/bin/sh
# nmap boefje: a TCP connect scan (-sT: no raw sockets, no capabilities) of one IP address, the
# most common ports or an explicit list. Writes nmap's XML to /out/nmap.xml (mime type boefje/nmap).
set -u
IN="${KAT_INPUT:-/in/input.json}"
OUT="${KAT_OUTPUT_DIR:-/out}"

address="$(jq -r '.input.address // empty' "$IN")" || { echo "nmap: cannot read $IN" >&2; exit 2; }
ports="$(jq -r '.settings.ports // ""' "$IN")"
top_ports="$(jq -r '.settings.top_ports // 250' "$IN")"
min_rate="$(jq -r '.settings.min_rate // ""' "$IN")"
host_timeout="$(jq -r '.settings.host_timeout_seconds // 600' "$IN")"

# Only address characters / digits, so nothing reaches nmap as an option.
case "$address" in
  *:*) printf '%s' "$address" | grep -Eq '^[0-9A-Fa-f:.]{2,45}$' && family="-6" ;;
  *) printf '%s' "$address" | grep -Eq '^[0-9]{1,3}(\.[0-9]{1,3}){3}$' && family="" ;;
esac
if [ "${family+set}" != "set" ]; then
  echo "nmap: the input is not an IP address: '$address'" >&2
  exit 2
fi
[ -z "$ports" ] || printf '%s' "$ports" | grep -Eq '^[0-9]{1,5}(-[0-9]{1,5})?(,[0-9]{1,5}(-[0-9]{1,5})?)*$' || { echo "nmap: bad ports '$ports'" >&2; exit 2; }
printf '%s' "$top_ports" | grep -Eq '^[0-9]{1,5}$' || { echo "nmap: bad top_ports '$top_ports'" >&2; exit 2; }
[ -z "$min_rate" ] || printf '%s' "$min_rate" | grep -Eq '^[0-9]{1,6}$' || { echo "nmap: bad min_rate '$min_rate'" >&2; exit 2; }
printf '%s' "$host_timeout" | grep -Eq '^[0-9]{1,5}$' || { echo "nmap: bad host_timeout_seconds '$host_timeout'" >&2; exit 2; }

if [ -n "$ports" ]; then set -- -p "$ports"; else set -- --top-ports "$top_ports"; fi
[ -n "$min_rate" ] && set -- "$@" --min-rate "$min_rate"

printf '{"nmap.xml":["boefje/nmap"]}\n' >"$OUT/mime-types.json"
# -Pn: the address is known to exist; -n: no reverse DNS; the XML goes straight to /out
# shellcheck disable=SC2086 # $family is empty or -6
nmap $family -Pn -n -sT --host-timeout "${host_timeout}s" "$@" -oX "$OUT/nmap.xml" --noninteractive -- "$address" >/dev/null
code=$?
[ "$code" -eq 0 ] || echo "nmap: exited with $code" >&2
exit "$code"

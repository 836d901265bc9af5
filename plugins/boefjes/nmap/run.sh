#!/bin/sh
# nmap boefje (multiInput): ONE TCP connect scan (-sT: no raw sockets, no capabilities) of every
# input IP address of the run (one nmap per address family), the most common ports or an explicit
# list. The XML is split per host: input <task_id> gets /out/<task_id>/nmap.xml (boefje/nmap) with
# nmap's header, the <host> element of its address (none when nmap reported none) and the run stats.
set -u
IN="${KAT_INPUT:-/in/input.json}"
OUT="${KAT_OUTPUT_DIR:-/out}"
WORK="$(mktemp -d)" || exit 2

# one line per input: "<task_id> <address>"
jq -r '.inputs[] | "\(.task_id) \(.input.address // "")"' "$IN" >"$WORK/inputs" || { echo "nmap: cannot read the inputs of $IN" >&2; exit 2; }
ports="$(jq -r '.settings.ports // ""' "$IN")"
top_ports="$(jq -r '.settings.top_ports // 250' "$IN")"
min_rate="$(jq -r '.settings.min_rate // ""' "$IN")"
host_timeout="$(jq -r '.settings.host_timeout_seconds // 600' "$IN")"

[ -z "$ports" ] || printf '%s' "$ports" | grep -Eq '^[0-9]{1,5}(-[0-9]{1,5})?(,[0-9]{1,5}(-[0-9]{1,5})?)*$' || { echo "nmap: bad ports '$ports'" >&2; exit 2; }
printf '%s' "$top_ports" | grep -Eq '^[0-9]{1,5}$' || { echo "nmap: bad top_ports '$top_ports'" >&2; exit 2; }
[ -z "$min_rate" ] || printf '%s' "$min_rate" | grep -Eq '^[0-9]{1,6}$' || { echo "nmap: bad min_rate '$min_rate'" >&2; exit 2; }
printf '%s' "$host_timeout" | grep -Eq '^[0-9]{1,5}$' || { echo "nmap: bad host_timeout_seconds '$host_timeout'" >&2; exit 2; }

# Only address characters / digits reach nmap (as a target list file, never as options); task ids
# become folder names, so they are checked too.
: >"$WORK/targets4"
: >"$WORK/targets6"
while read -r task address; do
  printf '%s' "$task" | grep -Eq '^[A-Za-z0-9_-]{1,100}$' || { echo "nmap: bad task id '$task'" >&2; exit 2; }
  case "$address" in
    *:*) printf '%s' "$address" | grep -Eq '^[0-9A-Fa-f:.]{2,45}$' && echo "$address" >>"$WORK/targets6" && continue ;;
    *) printf '%s' "$address" | grep -Eq '^[0-9]{1,3}(\.[0-9]{1,3}){3}$' && echo "$address" >>"$WORK/targets4" && continue ;;
  esac
  echo "nmap: the input of task $task is not an IP address: '$address'" >&2
  exit 2
done <"$WORK/inputs"
[ -s "$WORK/inputs" ] || { echo "nmap: no inputs" >&2; exit 2; }

if [ -n "$ports" ]; then set -- -p "$ports"; else set -- --top-ports "$top_ports"; fi
[ -n "$min_rate" ] && set -- "$@" --min-rate "$min_rate"

code=0
for family in 4 6; do
  [ -s "$WORK/targets$family" ] || continue
  flag=""
  [ "$family" = 6 ] && flag="-6"
  sort -u "$WORK/targets$family" -o "$WORK/targets$family"
  # -Pn: the addresses are known to exist; -n: no reverse DNS
  # shellcheck disable=SC2086 # $flag is empty or -6
  nmap $flag -Pn -n -sT --host-timeout "${host_timeout}s" "$@" -oX "$WORK/nmap$family.xml" --noninteractive -iL "$WORK/targets$family" >/dev/null
  c=$?
  if [ "$c" -ne 0 ]; then echo "nmap: exited with $c (IPv$family)" >&2; [ "$code" -ne 0 ] || code=$c; fi
done
[ "$code" -eq 0 ] || exit "$code"

# Everything outside <host> / <hosthint> elements is kept; of the <host> elements only the one
# whose <address addr> is the input's.
split() { # $1 xml, $2 address
  awk -v want="addr=\"$2\"" '
    inhost { buf = buf $0 "\n"; if (index($0, "</host>")) { inhost = 0; if (index(buf, want)) printf "%s", buf } ; next }
    inhint { if (index($0, "</hosthint>")) inhint = 0; next }
    /^<host[ >]/ { buf = $0 "\n"; if (index($0, "</host>")) { if (index(buf, want)) printf "%s", buf } else inhost = 1; next }
    /^<hosthint[ >]/ { if (!index($0, "</hosthint>")) inhint = 1; next }
    { print }
  ' "$1"
}

while read -r task address; do
  case "$address" in *:*) xml="$WORK/nmap6.xml" ;; *) xml="$WORK/nmap4.xml" ;; esac
  mkdir -p "$OUT/$task"
  split "$xml" "$address" >"$OUT/$task/nmap.xml" || exit 2
done <"$WORK/inputs"
jq '[.inputs[] | {key: "\(.task_id)/nmap.xml", value: ["boefje/nmap"]}] | from_entries' "$IN" >"$OUT/mime-types.json"
exit 0

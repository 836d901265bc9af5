#!/bin/sh
# dns-records boefje: asks one nameserver for the records of one hostname with dig and writes
# /out/dns-records.json (mime type boefje/dns-records). Format: see README.md.
set -u
IN="${KAT_INPUT:-/in/input.json}"
OUT="${KAT_OUTPUT_DIR:-/out}"
WORK="$(mktemp -d)" || exit 70

name="$(jq -r '.input.name // empty' "$IN")" || { echo "dns-records: cannot read $IN" >&2; exit 2; }
# Only hostname characters, so nothing reaches dig as an option or a second argument.
if ! printf '%s' "$name" | grep -Eq '^[A-Za-z0-9_]([A-Za-z0-9_.-]{0,252})$'; then
  echo "dns-records: the input is not a hostname: '$name'" >&2
  exit 2
fi
nameserver="$(jq -r '.settings.nameserver // ""' "$IN")"
port="$(jq -r '.settings.nameserver_port // 53' "$IN")"
timeout="$(jq -r '.settings.timeout_seconds // 5' "$IN")"
dmarc="$(jq -r 'if .settings.dmarc == false then "no" else "yes" end' "$IN")"
types="$(jq -r '(.settings.record_types // ["A","AAAA","CNAME","MX","NS","SOA","TXT","CAA"]) | .[]' "$IN")"

printf '%s' "$nameserver" | grep -Eq '^[0-9A-Fa-f.:]*$' || { echo "dns-records: bad nameserver '$nameserver'" >&2; exit 2; }
printf '%s' "$port" | grep -Eq '^[0-9]{1,5}$' || { echo "dns-records: bad nameserver_port '$port'" >&2; exit 2; }
printf '%s' "$timeout" | grep -Eq '^[0-9]{1,2}$' || { echo "dns-records: bad timeout_seconds '$timeout'" >&2; exit 2; }

server=""
[ -n "$nameserver" ] && server="@$nameserver"

answered=0
n=0
# query NAME TYPE: runs dig once and writes one JSON object to $WORK/q.<n>.json
query() {
  n=$((n + 1))
  # shellcheck disable=SC2086 # $server is empty or one word
  dig $server -p "$port" +time="$timeout" +tries=1 +noidnin +noidnout +noall +comments +answer +authority \
    -q "$1" -t "$2" >"$WORK/dig" 2>&1
  code=$?
  status="$(sed -n 's/^;; ->>HEADER<<- .*status: \([A-Z0-9]*\).*/\1/p' "$WORK/dig" | head -n 1)"
  error=""
  if [ -z "$status" ]; then
    if [ "$code" -eq 9 ]; then status="TIMEOUT"; else status="ERROR"; fi
    error="$(grep -v '^[[:space:]]*$' "$WORK/dig" | tail -n 3)"
  else
    answered=$((answered + 1))
  fi
  # records go to the section whose ";; X SECTION:" header came last; other comments are dropped
  awk -v ans="$WORK/answer" -v auth="$WORK/authority" '
    BEGIN { printf "" > ans; printf "" > auth; sec = "" }
    /^;; ANSWER SECTION:/ { sec = ans; next }
    /^;; AUTHORITY SECTION:/ { sec = auth; next }
    /^;; [A-Z]+ SECTION:/ { sec = ""; next }
    /^;/ || /^[[:space:]]*$/ { next }
    { if (sec != "") print >> sec }
  ' "$WORK/dig"
  jq -n --arg name "$1" --arg type "$2" --arg status "$status" --arg error "$error" --argjson exit "$code" \
    --rawfile answer "$WORK/answer" --rawfile authority "$WORK/authority" \
    '{ name: $name, type: $type, status: $status, answer: ($answer | split("\n") | map(select(length > 0))),
       authority: ($authority | split("\n") | map(select(length > 0))) }
     + (if $error == "" then {} else { error: $error, exit: $exit } end)' >"$WORK/q.$(printf '%03d' "$n").json"
}

for t in $types; do
  case "$t" in
    A|AAAA|CNAME|MX|NS|SOA|TXT|CAA) query "$name" "$t" ;;
    *) echo "dns-records: skipping unknown record type '$t'" >&2 ;;
  esac
done
[ "$dmarc" = "yes" ] && query "_dmarc.$name" TXT

jq -s --arg name "$name" --arg ns "$nameserver" --argjson port "$port" \
  '{ format: "kattegat/dns-records@1", hostname: $name, nameserver: $ns, port: $port, queries: . }' \
  "$WORK"/q.*.json >"$OUT/dns-records.json"
printf '{"dns-records.json":["boefje/dns-records"]}\n' >"$OUT/mime-types.json"
rm -rf "$WORK"

if [ "$answered" -eq 0 ]; then
  echo "dns-records: no answer from ${nameserver:-the system resolver} port $port for any query" >&2
  exit 3
fi
echo "dns-records: $n queries for $name, $answered answered"

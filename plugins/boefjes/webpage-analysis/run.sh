#!/bin/sh
# webpage-analysis (lite): GET the input URL with curl, following redirects ourselves (one curl per
# hop) so every hop records its own status, headers, effective URL and the address curl connected
# to. Writes /out/webpage-analysis.json (mime boefje/webpage-analysis):
#   { "format": "kattegat/webpage-analysis/1", "request": {...}, "hops": [ {...}, ... ] }
# The Authorization secret is read from the input into a 0600 file in /tmp and handed to curl as
# `--header @file`, only for hops on the input URL's own origin; it is never printed.
set -eu
umask 077
IN=${KAT_INPUT:-/in/input.json}
OUT=${KAT_OUTPUT_DIR:-/out}
WORK=$(mktemp -d /tmp/wpa.XXXXXX)

# a setting, or its default when absent (jq's // would also replace an explicit false)
setting() { jq -r --arg k "$1" --arg d "$2" 'if .settings[$k] == null then $d else .settings[$k] | tostring end' "$IN"; }

url=$(jq -r '
  .input.key as $k
  | ($k.netloc.name // ($k.netloc.address // "" | if test(":") then "[" + . + "]" else . end)) as $host
  | (($k.path // "/") | tostring | if startswith("/") then . else "/" + . end) as $path
  | "\($k.scheme)://\($host):\($k.port)\($path)"' "$IN")
case "$url" in
  http://?*|https://?*) ;;
  *) echo "webpage-analysis: the input is not an http(s) URL object" >&2; exit 2 ;;
esac

# Addresses Kattegat knows for the input's hostname (input.addresses, from ResolvedHostname
# objects): curl connects to the first one instead of asking the container's resolver, which on an
# audit network often cannot resolve the client's names. IPv4 first, IPv6 in brackets.
in_host=$(jq -r '.input.key.netloc.name // empty' "$IN")
in_port=$(jq -r '.input.key.port // empty' "$IN")
resolve_to=""
if [ -n "$in_host" ] && [ -n "$in_port" ]; then
  resolve_to=$(jq -r --arg h "$in_host" '(.addresses[$h] // []) | (map(select(test(":") | not)) + map(select(test(":")) | "[" + . + "]")) | .[0] // empty' "$IN")
  case "$resolve_to" in
    ''|*[!0-9A-Fa-f:.\[\]]*) resolve_to="" ;;
  esac
fi

user_agent=$(setting user_agent 'Kattegat/1.0 (+webpage-analysis)')
follow=$(setting follow_redirects true)
max_redirects=$(setting max_redirects 5)
timeout_s=$(setting timeout_seconds 30)
verify=$(setting verify_tls false)
case "$max_redirects" in ''|*[!0-9]*) max_redirects=5 ;; esac
case "$timeout_s" in ''|*[!0-9]*) timeout_s=30 ;; esac
[ "$follow" = true ] || max_redirects=0

# the secret: CR/LF removed (no header injection), straight into a file curl reads
jq -j '.settings.authorization // "" | tostring | gsub("[\r\n]"; "")' "$IN" >"$WORK/auth.value"
if [ -s "$WORK/auth.value" ]; then
  { printf 'Authorization: '; cat "$WORK/auth.value"; printf '\n'; } >"$WORK/auth.header"
fi
rm -f "$WORK/auth.value"

# scheme://host:port of a URL, lowercased, for the same-origin check
origin() { printf '%s\n' "$1" | sed -E 's#^([A-Za-z][A-Za-z0-9+.-]*://[^/?#]*).*$#\1#' | tr 'A-Z' 'a-z'; }
home=$(origin "$url")

: >"$WORK/hops.jsonl"
next=$url
hop=0
while :; do
  set -- --silent --show-error --output /dev/null --path-as-is --noproxy '*' --proto '=http,https' \
    --user-agent "$user_agent" --connect-timeout "$timeout_s" --max-time "$timeout_s" \
    --write-out '%{json}%{header_json}'
  [ "$verify" = true ] || set -- "$@" --insecure
  [ -z "$resolve_to" ] || set -- "$@" --resolve "$in_host:$in_port:$resolve_to"
  if [ -f "$WORK/auth.header" ] && [ "$(origin "$next")" = "$home" ]; then set -- "$@" --header "@$WORK/auth.header"; fi
  code=0
  curl "$@" --url "$next" >"$WORK/hop.out" 2>"$WORK/hop.err" || code=$?
  if ! jq -c -s --arg url "$next" --argjson code "$code" '
      (.[0] // {}) as $w
      | { url: $url, url_effective: ($w.url_effective // $url), http_code: ($w.http_code // 0),
          http_version: ($w.http_version // null), scheme: ($w.scheme // null),
          remote_ip: ($w.remote_ip // null), remote_port: ($w.remote_port // null),
          content_type: ($w.content_type // null), size_download: ($w.size_download // 0),
          redirect_url: ($w.redirect_url // null), exitcode: ($w.exitcode // $code),
          errormsg: ($w.errormsg // null), headers: (.[1] // {}) }' "$WORK/hop.out" >>"$WORK/hops.jsonl"; then
    echo "webpage-analysis: curl gave unreadable output for hop $hop" >&2
    exit 1
  fi
  if [ "$code" -ne 0 ]; then
    if [ "$hop" -eq 0 ]; then
      echo "webpage-analysis: $url could not be fetched (curl exit $code)" >&2
      cat "$WORK/hop.err" >&2
      exit 1
    fi
    echo "webpage-analysis: hop $hop ($next) failed with curl exit $code; stopping"
    break
  fi
  status=$(tail -n 1 "$WORK/hops.jsonl" | jq -r '.http_code')
  redirect=$(tail -n 1 "$WORK/hops.jsonl" | jq -r '.redirect_url // empty')
  echo "webpage-analysis: hop $hop: $next -> HTTP $status"
  case "$status" in 3??) ;; *) break ;; esac
  case "$redirect" in http://?*|https://?*) ;; *) break ;; esac
  [ "$hop" -lt "$max_redirects" ] || { echo "webpage-analysis: stopping after $max_redirects redirect(s)"; break; }
  hop=$((hop + 1))
  next=$redirect
done

jq -c -s --arg url "$url" --arg ua "$user_agent" --argjson follow "$([ "$follow" = true ] && echo true || echo false)" \
  --argjson max "$max_redirects" --argjson verify "$([ "$verify" = true ] && echo true || echo false)" \
  --argjson auth "$([ -f "$WORK/auth.header" ] && echo true || echo false)" \
  '{ format: "kattegat/webpage-analysis/1",
     request: { url: $url, user_agent: $ua, follow_redirects: $follow, max_redirects: $max,
                verify_tls: $verify, authorization_sent: $auth },
     hops: . }' "$WORK/hops.jsonl" >"$OUT/webpage-analysis.json"
rm -f "$WORK/auth.header"
printf '{"webpage-analysis.json":["boefje/webpage-analysis"]}\n' >"$OUT/mime-types.json"

# Add the teams' figures up: exact counts for the ministry (json), small counts hidden (csv).
set -- teams/*.json
if [ ! -e "$1" ]; then echo "no team figures were downloaded"; exit 1; fi
caseconf stats --merge "$@" --format json > rollup.json
caseconf stats --merge "$@" --format csv > rollup.csv

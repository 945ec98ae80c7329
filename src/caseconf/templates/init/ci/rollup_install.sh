# Install the caseconf that rollup.yml names (caseconf_git at caseconf_rev), and list the teams.
python3 -m pip install --quiet pyyaml
requirement=$(python3 - <<'PY'
import sys
import yaml

with open("rollup.yml", encoding="utf-8") as handle:
    config = yaml.safe_load(handle) or {}
url, rev = str(config.get("caseconf_git") or "").strip(), str(config.get("caseconf_rev") or "").strip()
if not url or not rev:
    sys.exit("rollup.yml: set caseconf_git: and caseconf_rev: (HOSTING.md)")
if not config.get("teams"):
    sys.exit("rollup.yml: list the teams' repositories under teams: (HOSTING.md)")
with open("teams.txt", "w", encoding="utf-8") as out:
    out.write("".join(f"{team}\n" for team in config["teams"]))
print(f"caseconf @ git+{url}@{rev}")
PY
) || exit 1
python3 -m pip install --quiet "$requirement"
caseconf --version

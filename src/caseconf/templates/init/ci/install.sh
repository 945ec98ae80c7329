# Install the caseconf that .pre-commit-config.yaml pins (repo: = caseconf_git of caseconf.yml, rev:).
python3 -m pip install --quiet pyyaml
requirement=$(python3 - <<'PY'
import sys
import yaml

def load(name):
    try:
        with open(name, encoding="utf-8") as handle:
            return yaml.safe_load(handle) or {}
    except FileNotFoundError:
        sys.exit(f"{name} is missing; caseconf init writes it (HOSTING.md)")

url = str(load("caseconf.yml").get("caseconf_git") or "").strip()
if not url:
    sys.exit("caseconf.yml: set caseconf_git: to the git URL of caseconf (HOSTING.md)")
pins = [repo for repo in load(".pre-commit-config.yaml").get("repos") or []
        if any(hook.get("id") == "caseconf-check" for hook in repo.get("hooks") or [])]
if not pins or str(pins[0].get("repo")) != url or not pins[0].get("rev"):
    sys.exit(f".pre-commit-config.yaml: the caseconf hooks must use repo: {url} and rev: <release tag> (HOSTING.md)")
print(f"caseconf @ git+{url}@{pins[0]['rev']}")
PY
) || exit 1
echo "installing $requirement"
python3 -m pip install --quiet "$requirement"
caseconf --version

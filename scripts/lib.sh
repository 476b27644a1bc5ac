# Shared set-up for scripts/run and scripts/test: everything a fresh machine needs, installed
# by the project itself. Safe to run again: each step is skipped when already done.

VENV="${DXSHIFT_VENV:-.venv}"

as_root() {
    if [ "$(id -u)" = "0" ]; then "$@"; else sudo "$@"; fi
}

# Debian packages the project needs, installed only when missing.
ensure_debian_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "==> apt-get install ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

# Pango and HarfBuzz for WeasyPrint's PDF output.
RUNTIME_DEBS=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core)

ensure_venv() {
    local extras="$1"
    if [ ! -x "$VENV/bin/python" ]; then
        echo "==> creating virtual environment $VENV"
        python3 -m venv "$VENV"
        "$VENV/bin/pip" install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
    fi
    echo "==> installing dxshift$extras"
    "$VENV/bin/pip" install -q -e ".$extras" 2>&1 | grep -v "^WARNING: Location" || true
    "$VENV/bin/python" -c "import dxshift" # fail loudly if the install did not work
}

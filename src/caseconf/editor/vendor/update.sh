#!/bin/sh
# Fetch the vendored Decap CMS bundle reproducibly from the npm registry.
#   sh src/caseconf/editor/vendor/update.sh [VERSION]
# Then update the version in vendor/README.md and in DECAP_VERSION below, rebuild the
# site and run `pytest tests/editor`.
set -eu
VERSION="${1:-3.16.3}"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "decap-cms@$VERSION" >/dev/null 2>&1 || npm pack "decap-cms@$VERSION"
tar xzf "decap-cms-$VERSION.tgz"
DEST="$HERE/decap-cms"
rm -rf "$DEST"
mkdir -p "$DEST"
# The full bundle (React included) and the chunks and WebAssembly it loads lazily, from
# the same folder. No source maps (25 MB) and no duplicate `cms.js` build.
cp package/dist/decap-cms.js package/dist/decap-cms.js.LICENSE.txt "$DEST/"
cp package/dist/[0-9]*.decap-cms.js "$DEST/"
cp package/dist/*.wasm "$DEST/"
# decap-cms ships no LICENSE file; its package.json says MIT (see vendor/README.md).
sed -n "/\"license\"/p" package/package.json > "$DEST/LICENSE-package.json.txt"
echo "$VERSION" > "$DEST/VERSION"
echo "decap-cms $VERSION -> $DEST"

# The form's two other libraries (vendor/README-js.md): the yaml library's browser build and
# libphonenumber-js with full metadata.
YAML_VERSION="${YAML_VERSION:-2.9.1}"
PHONE_VERSION="${PHONE_VERSION:-1.13.16}"
npm pack --silent "yaml@$YAML_VERSION" "libphonenumber-js@$PHONE_VERSION" >/dev/null
mkdir -p y p && tar xzf "yaml-$YAML_VERSION.tgz" -C y && tar xzf "libphonenumber-js-$PHONE_VERSION.tgz" -C p
rm -rf "$HERE/yaml" "$HERE/libphonenumber-js"
mkdir -p "$HERE/yaml" "$HERE/libphonenumber-js"
cp -r y/package/browser/. "$HERE/yaml/" && cp y/package/LICENSE "$HERE/yaml/LICENSE"
echo "$YAML_VERSION" > "$HERE/yaml/VERSION"
cp p/package/bundle/libphonenumber-max.js p/package/LICENSE "$HERE/libphonenumber-js/"
echo "$PHONE_VERSION" > "$HERE/libphonenumber-js/VERSION"
echo "yaml $YAML_VERSION, libphonenumber-js $PHONE_VERSION -> $HERE"

# The preview pane's template engine (vendor/README-js.md): nunjucks' browser build with its
# compiler (it renders the site's own record template from source).
NUNJUCKS_VERSION="${NUNJUCKS_VERSION:-3.2.4}"
npm pack --silent "nunjucks@$NUNJUCKS_VERSION" >/dev/null
mkdir -p n && tar xzf "nunjucks-$NUNJUCKS_VERSION.tgz" -C n
rm -rf "$HERE/nunjucks" && mkdir -p "$HERE/nunjucks"
cp n/package/browser/nunjucks.min.js n/package/LICENSE "$HERE/nunjucks/"
echo "$NUNJUCKS_VERSION" > "$HERE/nunjucks/VERSION"
echo "nunjucks $NUNJUCKS_VERSION -> $HERE/nunjucks"

# The preview's minutes (vendor/README-js.md): markdown-it with the two plugins of the site's
# Markdown extensions, and DOMPurify; their browser builds, LICENSE files, one VERSION file.
MARKDOWN_IT_VERSION="${MARKDOWN_IT_VERSION:-15.0.3}"
DEFLIST_VERSION="${DEFLIST_VERSION:-4.0.0}"
ABBR_VERSION="${ABBR_VERSION:-2.0.0}"
DOMPURIFY_VERSION="${DOMPURIFY_VERSION:-3.4.18}"
npm pack --silent "markdown-it@$MARKDOWN_IT_VERSION" "markdown-it-deflist@$DEFLIST_VERSION" \
  "markdown-it-abbr@$ABBR_VERSION" "dompurify@$DOMPURIFY_VERSION" >/dev/null
mkdir -p m d a p2
tar xzf "markdown-it-$MARKDOWN_IT_VERSION.tgz" -C m && tar xzf "markdown-it-deflist-$DEFLIST_VERSION.tgz" -C d
tar xzf "markdown-it-abbr-$ABBR_VERSION.tgz" -C a && tar xzf "dompurify-$DOMPURIFY_VERSION.tgz" -C p2
MD="$HERE/markdown"
rm -rf "$MD" && mkdir -p "$MD"
cp m/package/dist/browser/markdown-it.umd.min.js "$MD/markdown-it.min.js" && cp m/package/LICENSE "$MD/LICENSE-markdown-it"
cp d/package/dist/markdown-it-deflist.min.js "$MD/" && cp d/package/LICENSE "$MD/LICENSE-markdown-it-deflist"
cp a/package/dist/markdown-it-abbr.min.js "$MD/" && cp a/package/LICENSE "$MD/LICENSE-markdown-it-abbr"
cp p2/package/dist/purify.min.js "$MD/" && cp p2/package/LICENSE "$MD/LICENSE-dompurify"
printf 'markdown-it %s\nmarkdown-it-deflist %s\nmarkdown-it-abbr %s\ndompurify %s\n' "$MARKDOWN_IT_VERSION" \
  "$DEFLIST_VERSION" "$ABBR_VERSION" "$DOMPURIFY_VERSION" > "$MD/VERSION"
echo "markdown-it $MARKDOWN_IT_VERSION, deflist $DEFLIST_VERSION, abbr $ABBR_VERSION, dompurify $DOMPURIFY_VERSION -> $MD"
